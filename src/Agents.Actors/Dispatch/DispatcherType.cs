namespace Agents.Actors;

/// <summary>How a named dispatcher (<see cref="DispatcherSettings"/>) runs its actors' mailboxes.</summary>
public enum DispatcherType
{
    /// <summary>Mailboxes run on the .NET thread pool; one dispatcher is shared by the actors that name it.</summary>
    ThreadPool,

    /// <summary>Every actor gets a dedicated thread, for actors that block (synchronous I/O, native calls).</summary>
    Pinned,
}
