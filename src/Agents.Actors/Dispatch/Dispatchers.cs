namespace Agents.Actors;

/// <summary>The dispatcher ids an actor can choose through <see cref="Props.WithDispatcher"/>.</summary>
public static class Dispatchers
{
    /// <summary>The .NET thread pool, <see cref="ActorSystemSettings.Throughput"/> messages per turn. The default.</summary>
    public const string DefaultDispatcherId = "agents.actor.default-dispatcher";

    /// <summary>A dedicated thread per actor, for actors that block.</summary>
    public const string PinnedDispatcherId = "agents.actor.pinned-dispatcher";

    /// <summary>The calling thread; used by the TestKit for synchronous unit tests of one actor.</summary>
    public const string CallingThreadDispatcherId = "agents.actor.calling-thread-dispatcher";
}
