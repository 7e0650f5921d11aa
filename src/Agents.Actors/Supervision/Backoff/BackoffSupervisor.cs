namespace Agents.Actors;

/// <summary>
/// Supervises one child and restarts it after an exponentially growing delay (on the system clock), so
/// that a child depending on a failing resource (a database, a remote service) does not hammer it.
/// Messages sent to the supervisor are forwarded to the current child; while there is none they become
/// dead letters.
/// </summary>
public sealed class BackoffSupervisor : ActorBase
{
    private const string RestartTimer = "backoff-restart";
    private const string ResetTimer = "backoff-reset";

    private readonly BackoffOptions _options;
    private readonly Random _random = new();
    private IActorRef? _child;
    private int _restartCount;
    private int _incarnation;
    private bool _childFailed;

    /// <summary>Creates the supervisor; use <see cref="Props(BackoffOptions)"/>.</summary>
    public BackoffSupervisor(BackoffOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The props of a backoff supervisor.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>Asks for the current child; the reply is <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The one instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The child, or <see langword="null"/> while it waits to be restarted.</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Resets the restart count (the next restart waits the minimum backoff).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The one instance.</summary>
        public static Reset Instance { get; } = new();
    }

    /// <summary>Asks for the number of consecutive restarts; the reply is <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The one instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The reply to <see cref="GetRestartCount"/>.</summary>
    public sealed record RestartCount(int Count);

    private sealed record StartChild(int Incarnation);

    private sealed record ResetRestartCount(int Incarnation);

    /// <inheritdoc />
    protected override void PreStart() => StartNewChild();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy()
    {
        var configured = _options.Strategy ?? Actors.SupervisorStrategy.DefaultStrategy;
        if (_options.Trigger == BackoffTrigger.OnStop)
        {
            return configured;
        }
        // On failure: a Restart decision becomes a stop followed by a delayed restart.
        return new OneForOneStrategy(-1, null, exception =>
        {
            var directive = configured.Decider(exception);
            if (directive == Directive.Restart)
            {
                _childFailed = true;
                return Directive.Stop;
            }
            return directive;
        }, configured.LoggingEnabled);
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case StartChild start:
                if (start.Incarnation == _incarnation && _child is null)
                {
                    StartNewChild();
                }
                return true;
            case ResetRestartCount reset:
                if (reset.Incarnation == _incarnation)
                {
                    _restartCount = 0;
                }
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            case Reset:
                _restartCount = 0;
                return true;
            default:
                if (_child is not null)
                {
                    _child.Tell(message, Sender);
                }
                else
                {
                    Context.System.DeadLetters.Tell(message, Sender);
                }
                return true;
        }
    }

    private void StartNewChild()
    {
        _incarnation++;
        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetBackoff is { } stable)
        {
            Timers.StartSingleTimer(ResetTimer, new ResetRestartCount(_incarnation), stable);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetTimer);
        if (_options.Trigger == BackoffTrigger.OnFailure && !_childFailed)
        {
            Context.Stop(Self);
            return;
        }
        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Context.Stop(Self);
            return;
        }
        var delay = _options.DelayFor(_restartCount, _random.NextDouble());
        _restartCount++;
        Timers.StartSingleTimer(RestartTimer, new StartChild(_incarnation), delay);
    }
}
