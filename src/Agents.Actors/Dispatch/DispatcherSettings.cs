namespace Agents.Actors;

/// <summary>
/// A named dispatcher that <see cref="Props.WithDispatcher"/> can refer to by its name, configured in
/// <see cref="ActorSystemSettings.NamedDispatchers"/> or in HOCON as
/// <c>agents.actor.dispatchers.&lt;name&gt; { type = thread-pool|pinned, throughput = N }</c>.
/// </summary>
public sealed record DispatcherSettings
{
    /// <summary>How mailboxes run.</summary>
    /// <value>Default <see cref="DispatcherType.ThreadPool"/>.</value>
    public DispatcherType Type { get; init; } = DispatcherType.ThreadPool;

    /// <summary>
    /// The most user messages a mailbox processes per turn, or <see langword="null"/> for
    /// <see cref="ActorSystemSettings.Throughput"/>.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    public int? Throughput { get; init; }
}
