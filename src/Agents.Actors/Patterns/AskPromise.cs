namespace Agents.Actors;

/// <summary>
/// The temporary ref an Ask replies to. It is not an actor: telling it completes the Ask's task with
/// the reply (or fails it), once. It doubles as the timeout's scheduler entry, so an Ask allocates the
/// promise, its task and nothing else; a reply flags the timeout entry as cancelled.
/// </summary>
internal sealed class AskPromise<T> : ScheduledWork, IInternalActorRef
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;
    private CancellationTokenRegistration _registration;
    private ActorPath? _path;
    private int _done;

    public AskPromise(ActorSystem system, IActorRef target, Type messageType, TimeSpan timeout)
    {
        System = system;
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
    }

    public ActorSystem System { get; }

    public Task<T> Task => _completion.Task;

    public ActorPath Path
    {
        get
        {
            var path = Volatile.Read(ref _path);
            if (path is not null)
            {
                return path;
            }
            var id = System.NextUid();
            var created = new ChildActorPath(System.TempPath, $"$ask{id}", id);
            return Interlocked.CompareExchange(ref _path, created, null) ?? created;
        }
    }

    public bool IsTerminated => Volatile.Read(ref _done) != 0;

    public void RegisterCancellation(CancellationToken cancellationToken) =>
        _registration = cancellationToken.UnsafeRegister(static (state, token) => ((AskPromise<T>)state!).OnCancelled(token), this);

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            System.DeadLetterOf(message, sender, this);
            return;
        }
        Cancel();
        _registration.Dispose();
        if (message is Status.Failure failure && typeof(T) != typeof(Status.Failure))
        {
            _completion.TrySetException(failure.Cause);
        }
        else if (message is T reply)
        {
            _completion.TrySetResult(reply);
        }
        else
        {
            _completion.TrySetException(new InvalidCastException(
                $"Ask<{typeof(T).Name}> to {_target.Path} got a reply of type {message.GetType().FullName} from {sender?.Path.ToString() ?? "no sender"}; " +
                $"expected {typeof(T).FullName}. Ask for the type the actor replies with, or Ask<object> and match the reply."));
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
    }

    public override void Execute()
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }
        _registration.Dispose();
        _completion.TrySetException(new AskTimeoutException(
            $"Ask to {_target.Path} timed out after {_timeout} waiting for a reply to {_messageType.Name}. " +
            "The recipient may not reply to this message, may have stopped, or may be too busy; check it replies to Sender, or raise the timeout."));
    }

    public override void OnSchedulerStopped()
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }
        _registration.Dispose();
        _completion.TrySetException(new AskTimeoutException(
            $"Ask to {_target.Path} ({_messageType.Name}) could not complete: actor system {System.Name} terminated before a reply arrived."));
    }

    private void OnCancelled(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }
        Cancel();
        _completion.TrySetCanceled(token);
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => global::System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => $"[{Path}]";
}
