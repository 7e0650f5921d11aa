namespace Agents.Actors;

/// <summary>
/// An actor could not be created or started: its constructor, <see cref="ActorBase.PreStart"/> or
/// <see cref="ActorBase.PostRestart"/> threw. The default strategy stops such an actor.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException = null)
        : base(message, innerException) => Actor = actor;

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }
}
