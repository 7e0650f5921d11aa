using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// The base of every actor. An actor processes one message at a time in <see cref="Receive"/>;
/// its state needs no locks. Create actors only through <see cref="ActorSystem.ActorOf"/> or
/// <see cref="IActorContext.ActorOf"/> with <see cref="Props"/>, never with <c>new</c> elsewhere.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the actor being created.</summary>
    /// <exception cref="ActorInitializationException">The actor was constructed outside <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCreating() ?? throw new ActorInitializationException(null,
            $"{GetType().Name} was constructed directly. Create actors with ActorOf(Props.Create(() => new {GetType().Name}(...))) so the runtime can supervise them.");
    }

    internal ActorCell Cell => _cell;

    internal bool AroundReceive(object message) => Receive(message);

    internal void AroundUnhandled(object message) => Unhandled(message);

    // Virtual so that a base class in a layer above (the persistent actor) can start and stop its own
    // machinery around the user's lifecycle hooks even when a subclass overrides them without calling base.
    internal virtual void AroundPreStart() => PreStart();

    internal virtual void AroundPostStop() => PostStop();

    internal virtual void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal virtual void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy AroundSupervisorStrategy() => SupervisorStrategy();

    /// <summary>The context of this actor: self, sender, children, watch, timers, logger.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's own ref.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message (<see cref="ActorSystem.DeadLetters"/> when there is none).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>This actor's logger, with the actor path in scope.</summary>
    protected ILogger Log => _cell.Log;

    /// <summary>Named timers that send messages to this actor.</summary>
    protected ITimerScheduler Timers => _cell.Timers;

    /// <summary>Handles a message; returns <see langword="false"/> when it was not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for every message no behaviour handled. By default an unhandled death-watch
    /// <see cref="Terminated"/> throws <see cref="DeathPactException"/>; anything else is published as an
    /// <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated && _cell.IsDeliveringWatchTermination)
        {
            throw new DeathPactException(terminated.ActorRef);
        }
        _cell.PublishUnhandled(message);
    }

    /// <summary>Called when the actor starts, before its first message. Also after a restart, from <see cref="PostRestart"/>.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once after the actor stopped and its children stopped; no more messages follow.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before a restart. By default stops (and unwatches) every child
    /// and calls <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any; it is not retried.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. By default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// The strategy with which this actor supervises its children. By default the props' strategy, or
    /// <see cref="Actors.SupervisorStrategy.DefaultStrategy"/> (restart on exceptions).
    /// </summary>
    protected virtual SupervisorStrategy SupervisorStrategy() =>
        _cell.Props.SupervisorStrategy ?? Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour; <see cref="Unbecome"/> pops it.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Returns to the previous behaviour.</summary>
    protected void Unbecome() => _cell.Unbecome();

    /// <summary>
    /// Runs an async operation as part of the current turn: the actor takes no other message until the
    /// task completes; continuations run on the actor; an exception fails the actor. Usable in
    /// handlers and in <see cref="PreStart"/> (asynchronous initialisation).
    /// </summary>
    protected void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _cell.RunAsync(static a => a(), action);
    }
}
