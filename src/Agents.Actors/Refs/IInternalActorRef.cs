namespace Agents.Actors;

/// <summary>What the runtime needs from a ref beyond <see cref="IActorRef"/>: system messages and liveness.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The system this ref belongs to (for a remote ref, the local system that resolved it).</summary>
    ActorSystem System { get; }

    /// <summary>Whether the actor is known to have stopped. A <see langword="false"/> may be stale.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a runtime message; system messages overtake user messages.</summary>
    void SendSystemMessage(SystemMessage message);
}
