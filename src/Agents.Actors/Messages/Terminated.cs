namespace Agents.Actors;

/// <summary>
/// Tells a watcher that an actor it watches has stopped. Delivered exactly once per watch, also when
/// the actor was already dead when the watch began. Leaving a death-watch notice unhandled fails the
/// watcher with <see cref="DeathPactException"/>; a <see cref="Terminated"/> sent by other code is an
/// ordinary message.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">Whether the actor was known to exist (false when it was already gone when watched).</param>
/// <param name="AddressTerminated">Whether the notice comes from losing the actor's node rather than from the actor.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IDeadLetterSuppression;
