using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// The runtime state of one actor: its ref, parent, props, current instance and current message.
/// Split by concern: children, death watch, fault handling, receive timeout and async turns live in
/// the other <c>ActorCell.*.cs</c> files. Rarely used state sits in <see cref="CellExtras"/>.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    // The actor whose mailbox runs on this thread: the implicit sender of Tell inside an actor.
    [ThreadStatic] private static ActorCell? t_current;

    // The cell whose actor instance is being constructed on this thread, consumed by ActorBase's
    // constructor. Set only around a Props factory call, so it never leaks between actors or systems.
    [ThreadStatic] private static ActorCell? t_creating;

    private readonly LocalActorRef _self;
    private readonly IInternalActorRef _parent;
    private readonly Props _props;
    private ActorBase? _actor;
    private CellExtras? _extras;
    private object? _currentMessage;
    private IActorRef? _currentSender;

    public ActorCell(ActorSystem system, ActorPath path, Props props, IInternalActorRef parent)
    {
        System = system;
        _props = props;
        _parent = parent;
        var dispatcher = system.ResolveDispatcher(props.Dispatcher, path);
        var mailbox = props.RouterConfig is { } router
            ? new Routing.RoutingMailbox(this, dispatcher, router)
            : system.ResolveMailbox(props.Mailbox, path).Create(this, dispatcher);
        _self = new LocalActorRef(path, mailbox);
    }

    internal static ActorCell? Current
    {
        get => t_current;
        set => t_current = value;
    }

    internal static ActorCell? TakeCreating()
    {
        var cell = t_creating;
        t_creating = null;
        return cell;
    }

    public ActorSystem System { get; }

    public LocalActorRef SelfRef => _self;

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? System.DeadLetters;

    public IActorRef Parent => _parent;

    internal IInternalActorRef InternalParent => _parent;

    public Props Props => _props;

    public Mailbox Mailbox => _self.Mailbox;

    internal ActorBase? Actor => _actor;

    internal object? CurrentMessage => _currentMessage;

    internal ReceiveHandlerSet? DeclaringBehavior => _extras?.DeclaringBehavior;

    internal IActorRef? CurrentSender => _currentSender;

    internal CellExtras Extras
    {
        get
        {
            var extras = Volatile.Read(ref _extras);
            if (extras is not null)
            {
                return extras;
            }
            var created = new CellExtras();
            return Interlocked.CompareExchange(ref _extras, created, null) ?? created;
        }
    }

    public ILogger Log
    {
        get
        {
            var extras = Extras;
            return extras.Log ??= new ActorLogger(
                System.LoggerFactory.CreateLogger(_props.ActorType.FullName ?? _props.ActorType.Name), _self.Path);
        }
    }

    public ITimerScheduler Timers => Extras.Timers ??= new ActorTimers(this);

    /// <summary>Schedules the first run, which creates the actor instance.</summary>
    public void Start() => Mailbox.Schedule();

    /// <summary>Processes one user message. Called by the mailbox on the actor's turn.</summary>
    public void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            _extras?.Stash?.BeginMessage();
            // Exact checks of the (sealed) runtime message types: an interface test would scan the
            // interface map of every user message, dozens of entries for a boxed number.
            if (message is TimerMessage or WatchTermination or ReceiveTimeoutTick or PoisonPill or Kill or Identify)
            {
                AutoReceive((IAutoReceivedMessage)message);
            }
            else
            {
                ReceiveMessage(message);
            }
            if (_extras is { } extras && AfterReceive(extras, message))
            {
                // An async handler is pending: its turn keeps the current message and sender.
                return;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, message, null);
        }
        _currentMessage = null;
        _currentSender = null;
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var behavior = _extras?.Behavior;
        var handled = behavior is null ? actor.AroundReceive(message) : behavior(message);
        if (!handled)
        {
            actor.AroundUnhandled(message);
        }
    }

    /// <summary>Starts a pending async turn and records activity; returns whether a turn is now pending.</summary>
    private bool AfterReceive(CellExtras extras, object message)
    {
        if (extras.ReceiveTimeout is not null && message is not INotInfluenceReceiveTimeout)
        {
            extras.LastActivity = System.TimeProvider.GetTimestamp();
        }
        if (extras.PendingTask is not null)
        {
            BeginAsyncTurn(extras);
            return true;
        }
        return false;
    }

    private void AutoReceive(IAutoReceivedMessage message)
    {
        switch (message)
        {
            case TimerMessage timer:
                if (_extras?.Timers is { } timers && timers.TryTake(timer, out var inner))
                {
                    _currentMessage = inner;
                    ReceiveMessage(inner);
                    if (_extras is { ReceiveTimeout: not null } extras && inner is not INotInfluenceReceiveTimeout)
                    {
                        extras.LastActivity = System.TimeProvider.GetTimestamp();
                    }
                }
                break;
            case WatchTermination termination:
                ReceivedTerminated(termination);
                break;
            case ReceiveTimeoutTick tick:
                OnReceiveTimeoutTick(tick);
                break;
            case PoisonPill:
                _self.SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"Kill was sent to {_self.Path}.");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
        }
    }

    /// <summary>Creates the actor instance on the first run of the mailbox.</summary>
    internal void Create()
    {
        try
        {
            var actor = NewActor();
            actor.AroundPreStart();
            AfterUserCode();
            System.Metrics.ActorStarted();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(
                e as ActorInitializationException ?? new ActorInitializationException(_self, $"{_props.ActorType.Name} at {_self.Path} failed to start: {e.Message}", e),
                null, null);
        }
    }

    private ActorBase NewActor()
    {
        var extras = _extras;
        if (extras is not null)
        {
            extras.Behaviors?.Clear();
            extras.Behavior = null;
            extras.Strategy = null;
        }
        var previous = t_creating;
        t_creating = this;
        ActorBase actor;
        try
        {
            actor = _props.NewActor() ?? throw new ActorInitializationException(_self, $"The props factory of {_self.Path} returned null.");
        }
        finally
        {
            t_creating = previous;
        }
        if (!ReferenceEquals(actor.Cell, this))
        {
            throw new ActorInitializationException(_self,
                $"The props factory of {_self.Path} returned an actor that was not created by it; the factory must construct a new instance each time.");
        }
        if (actor is IWithStash withStash)
        {
            withStash.Stash = Extras.Stash ??= new ActorStash(this, System.Settings.StashCapacity);
        }
        _actor = actor;
        return actor;
    }

    /// <summary>Starts an async turn if user code just registered a pending task.</summary>
    private void AfterUserCode()
    {
        if (_extras is { PendingTask: not null } extras)
        {
            BeginAsyncTurn(extras);
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var extras = Extras;
        var stack = extras.Behaviors ??= [];
        if (stack.Count > 0)
        {
            stack[^1] = receive;
        }
        else
        {
            stack.Add(receive);
        }
        extras.Behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var extras = Extras;
        (extras.Behaviors ??= []).Add(receive);
        extras.Behavior = receive;
    }

    public void Unbecome()
    {
        if (_extras is { Behaviors: { Count: > 0 } stack } extras)
        {
            stack.RemoveAt(stack.Count - 1);
            extras.Behavior = stack.Count > 0 ? stack[^1] : null;
        }
    }

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(System, _self, path);

    internal void PublishUnhandled(object message) =>
        System.PublishUnhandled(new UnhandledMessage(message, Sender, _self));

    internal SupervisorStrategy SupervisorStrategyInternal
    {
        get
        {
            if (_actor is null)
            {
                return _props.SupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;
            }
            var extras = Extras;
            return extras.Strategy ??= _actor.AroundSupervisorStrategy();
        }
    }

    public override string ToString() => $"ActorCell({_self.Path})";
}
