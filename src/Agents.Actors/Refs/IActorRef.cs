namespace Agents.Actors;

/// <summary>
/// An address to send messages to. A ref names one incarnation of an actor by its path and uid;
/// whether that actor lives in this process or on another node is invisible to the sender. Two refs
/// are equal when their paths and uids are equal.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The path of the actor, including the uid of its incarnation.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> without waiting. Messages from one sender to one receiver
    /// arrive in the order sent. A message to an actor that has stopped becomes a dead letter.
    /// </summary>
    /// <param name="message">The message; an immutable record by convention. Must not be null.</param>
    /// <param name="sender">The ref replies go to (<see cref="IActorContext.Sender"/> at the receiver), or <see langword="null"/>.</param>
    void Tell(object message, IActorRef? sender);
}
