namespace Agents.Persistence.Query;

/// <summary>
/// A position named by the store's global ordering number of an event. The numbers increase with the order in
/// which events were written, but a stream may deliver them slightly out of numeric order (see
/// <see cref="IEventsByTagQuery"/>): compare positions only with the store, never by their numbers.
/// </summary>
/// <param name="Value">The ordering number of the last event processed; 0 means the beginning.</param>
public sealed record Sequence(long Value) : Offset;
