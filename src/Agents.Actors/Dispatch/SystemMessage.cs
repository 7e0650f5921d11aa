namespace Agents.Actors;

/// <summary>
/// A message of the runtime itself (create, stop, watch, failure...). System messages overtake user
/// messages and are processed even while the actor is suspended. Each instance is its own queue node,
/// so one instance must never be sent to two actors.
/// </summary>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

/// <summary>Stop the actor: stop its children, call PostStop, notify watchers and parent.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Restart the actor after <see cref="Cause"/>, as decided by its supervisor.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop taking user messages until a matching <see cref="Resume"/> (the supervisor is failing).</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>
/// Take user messages again. With a cause, it is the supervisor's Resume directive for this actor's own
/// failure and also clears the failed state.
/// </summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>A child reports its failure to its parent.</summary>
internal sealed class Failed(IActorRef child, Exception cause, int uid) : SystemMessage
{
    public IActorRef Child { get; } = child;
    public Exception Cause { get; } = cause;
    public int Uid { get; } = uid;
}

/// <summary><see cref="Watcher"/> starts watching <see cref="Watchee"/>.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary><see cref="Watcher"/> stops watching <see cref="Watchee"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;
    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>A watched actor (or a child) has terminated.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed, bool addressTerminated) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
    public bool ExistenceConfirmed { get; } = existenceConfirmed;
    public bool AddressTerminated { get; } = addressTerminated;
}

/// <summary>A continuation of an async handler, posted back through the actor's synchronization context.</summary>
internal sealed class RunContinuation(ActorSynchronizationContext context, SendOrPostCallback callback, object? state) : SystemMessage
{
    public ActorSynchronizationContext Context { get; } = context;
    public SendOrPostCallback Callback { get; } = callback;
    public object? State { get; } = state;
}
