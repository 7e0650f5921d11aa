namespace Agents.Actors.Routing;

/// <summary>
/// Maps a message to its consistent-hashing key, for messages that do not implement
/// <see cref="IConsistentHashable"/>; returns <see langword="null"/> for messages it does not know.
/// Called on the sending threads, so it must be thread-safe and should be cheap.
/// </summary>
public delegate object? ConsistentHashMapping(object message);
