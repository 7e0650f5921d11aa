namespace Agents.Actors;

/// <summary>
/// An actor did not handle the <see cref="Terminated"/> of an actor it watched: it had declared it
/// could not live without it. The default strategy stops the watcher.
/// </summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Monitored actor {deadActor.Path} terminated and its Terminated message was not handled; handle Terminated or Unwatch it.")
{
    /// <summary>The actor whose termination was not handled.</summary>
    public IActorRef DeadActor { get; } = deadActor;
}
