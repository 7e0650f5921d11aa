namespace Agents.Persistence.Actors;

/// <summary>An atomic write handed to the journal and the handlers waiting for it, one per event.</summary>
internal sealed record PendingWrite(AtomicWrite Write, PendingInvocation[] Invocations);
