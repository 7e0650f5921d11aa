using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// What an actor can see and do about itself while it processes a message: its refs, children,
/// death watch, behaviour, timers and logger. Only valid on the actor's own turn (inside its
/// handlers and their continuations); do not hand it to other threads.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>
    /// The sender of the message being processed; <see cref="ActorSystem.DeadLetters"/> when it was sent
    /// without a sender. Stays valid after an <c>await</c> in an async handler.
    /// </summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>A snapshot of the children that are alive or stopping.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child with this name, or <see langword="null"/> when there is none.</summary>
    IActorRef? Child(string name);

    /// <summary>
    /// Creates a child actor supervised by this actor.
    /// </summary>
    /// <param name="props">How to create the child.</param>
    /// <param name="name">A unique name among the children; generated (<c>$a</c>, <c>$b</c>...) when null.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by a path relative to this actor (<c>../sibling</c>, <c>child/*</c>) or absolute (<c>/user/a</c>).</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>
    /// Starts watching <paramref name="subject"/>: when it stops, this actor receives one
    /// <see cref="Terminated"/> (also when it was already dead). Watching twice is the same as once.
    /// </summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    /// <exception cref="InvalidOperationException">The subject is already watched with another message.</exception>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>
    /// Stops a child (or this actor) asynchronously: its current message completes, its children stop
    /// first, then <see cref="ActorBase.PostStop"/> runs; messages still queued become dead letters.
    /// </summary>
    void Stop(IActorRef actor);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    void Become(Receive receive);

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack; <see cref="Unbecome"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour stack; with one behaviour left, returns to the actor's initial behaviour.</summary>
    void Unbecome();

    /// <summary>
    /// Sends <see cref="Actors.ReceiveTimeout"/> to this actor after <paramref name="timeout"/> without
    /// messages, and again after each further idle period. <see langword="null"/> turns it off. Messages
    /// implementing <see cref="INotInfluenceReceiveTimeout"/> do not count as activity.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, or <see langword="null"/>.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Named timers that send messages to this actor; cancelled when it stops or restarts.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>A logger for this actor; each entry carries the actor path in its scope.</summary>
    ILogger Log { get; }
}
