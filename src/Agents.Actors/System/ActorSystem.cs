using System.Text.RegularExpressions;
using Agents.Hocon;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agents.Actors;

/// <summary>
/// A hierarchy of actors with its guardians (<c>/user</c> for application actors, <c>/system</c> for
/// runtime actors, <c>/temp</c> for short-lived refs such as Ask's), scheduler, event stream, dead
/// letters and coordinated shutdown. Several systems can run in one process without sharing anything.
/// All time is read from the system's <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly TimerQueueScheduler _scheduler;
    private readonly DeadLetterLog _deadLetterLog;
    private readonly MessageDispatcher _defaultDispatcher;
    private readonly CallingThreadDispatcher _callingThreadDispatcher = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ActorCell _tempGuardian;
    private int _uid;
    private long _deadLetterCount;
    private long _unhandledCount;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings, Config config, TimeProvider time, ILoggerFactory loggerFactory, bool trackActivity)
    {
        Name = name;
        Settings = settings;
        Config = config;
        TimeProvider = time;
        LoggerFactory = loggerFactory;
        Address = ActorAddress.Local(name);
        StartTime = time.GetUtcNow();
        RuntimeLog = loggerFactory.CreateLogger("Agents.Actors");
        Metrics = new ActorSystemMetrics(name);
        _scheduler = new TimerQueueScheduler(time, RuntimeLog);
        _deadLetterLog = new DeadLetterLog(this, loggerFactory.CreateLogger("Agents.Actors.DeadLetters"));
        EventStream = new EventStream(RuntimeLog);
        if (trackActivity)
        {
            ActivityTracker = new ActivityTracker();
            _defaultDispatcher = new ObservedDispatcher(settings.Throughput, ActivityTracker);
        }
        else
        {
            _defaultDispatcher = new ThreadPoolDispatcher(settings.Throughput);
        }
        CreateNamedDispatchers();

        var rootPath = new RootActorPath(Address);
        DeadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");
        TempPath = rootPath / "temp";
        var rootParent = new RootParentRef(this, rootPath / "bubble-walker");
        _root = new ActorCell(this, rootPath, Props.Create(() => new RootGuardian()), rootParent);
        var rootChildren = _root.ChildrenContainer;
        _userGuardian = CreateGuardian(rootChildren, rootPath, "user", settings.GuardianSupervisorStrategy);
        _systemGuardian = CreateGuardian(rootChildren, rootPath, "system", SupervisorStrategy.DefaultStrategy);
        _tempGuardian = CreateGuardian(rootChildren, rootPath, "temp", SupervisorStrategy.DefaultStrategy);
        CoordinatedShutdown = new CoordinatedShutdown(this);

        _root.Start();
        _userGuardian.Start();
        _systemGuardian.Start();
        _tempGuardian.Start();
        _root.Self.Tell(new RootGuardian.WatchUserGuardian(_userGuardian.Self), null);
        LogMessages.SystemStarted(RuntimeLog, name);
    }

    /// <summary>
    /// Creates and starts an actor system from settings given in code. To configure it with HOCON use
    /// <see cref="Create(string, Config, TimeProvider?, ILoggerFactory?)"/>; a <see langword="null"/>
    /// literal for <paramref name="settings"/> must then be named (<c>settings: null</c>).
    /// </summary>
    /// <param name="name">The system name: ASCII letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="settings">The settings; <see cref="ActorSystemSettings.Default"/> when null.</param>
    /// <param name="timeProvider">The clock of every timer, timeout and schedule; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where logs go; <see cref="NullLoggerFactory"/> when null.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null) =>
        Create(name, settings, timeProvider, loggerFactory, trackActivity: false);

    internal static ActorSystem Create(
        string name, ActorSystemSettings? settings, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, bool trackActivity, Config? config = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SystemNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Actor system name '{name}' is invalid: use ASCII letters, digits, '-' and '_', starting with a letter or digit (for example 'orders-node1').",
                nameof(name));
        }
        settings ??= ActorSystemSettings.Default;
        settings.Validate();
        return new ActorSystem(name, settings, config ?? ReferenceConfig, timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance, trackActivity);
    }

    /// <summary>The system name.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The clock of every timer, timeout and schedule of this system.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Where this system and its actors log.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The address of this system: <c>agents://name</c>.</summary>
    public ActorAddress Address { get; }

    /// <summary>When the system started, on its clock.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The scheduler, on <see cref="TimeProvider"/>.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The system-wide event stream (dead letters, unhandled messages, application events).</summary>
    public EventStream EventStream { get; }

    /// <summary>The ref of dead letters (<c>/deadLetters</c>); also the sender seen for messages sent without one.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The ordered shutdown of this system; <see cref="Terminate"/> runs it.</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when the system has terminated: every actor stopped and the scheduler stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>How many dead letters this system has published.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>How many unhandled messages this system has published.</summary>
    public long UnhandledMessageCount => Interlocked.Read(ref _unhandledCount);

    internal ActorSystemMetrics Metrics { get; }

    internal ILogger RuntimeLog { get; }

    internal ActivityTracker? ActivityTracker { get; }

    internal TimerQueueScheduler SchedulerImpl => _scheduler;

    internal ActorPath TempPath { get; }

    internal ActorCell RootCell => _root;

    internal ActorCell UserGuardianCell => _userGuardian;

    internal bool IsTerminating => Volatile.Read(ref _terminating) != 0 || CoordinatedShutdown.IsRunning;

    /// <summary>
    /// Creates a top-level actor under <c>/user</c>. Callable from any thread.
    /// </summary>
    /// <param name="props">How to create the actor.</param>
    /// <param name="name">A unique name under <c>/user</c>; generated when null.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates an actor under <c>/system</c>, for actors of the runtime and its extensions.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>
    /// Selects actors by path: absolute (<c>/user/a/b</c>, <c>agents://name/user/a</c>) or relative to
    /// <c>/user</c> (<c>a/b</c>); elements may use '*' and '?' wildcards.
    /// </summary>
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(this, _userGuardian.Self, path);

    /// <summary>Stops an actor asynchronously (see <see cref="IActorContext.Stop"/>).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local && local.Cell.InternalParent is LocalActorRef parent)
        {
            parent.Cell.ChildrenContainer.ShallDie(actor);
        }
        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>
    /// Terminates the system: runs the <see cref="CoordinatedShutdown"/> phases (unless disabled in
    /// <see cref="CoordinatedShutdownSettings.RunByActorSystemTerminate"/>), stops every actor under
    /// <c>/user</c>, then the runtime's own actors. Idempotent.
    /// </summary>
    /// <returns><see cref="WhenTerminated"/>.</returns>
    public Task Terminate()
    {
        if (Settings.CoordinatedShutdown.RunByActorSystemTerminate)
        {
            _ = CoordinatedShutdown.Run(CoordinatedShutdownReason.ActorSystemTerminate);
        }
        else
        {
            FinishTerminate();
        }
        return WhenTerminated;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    /// <summary>Stops the actors: the last step of termination, after the shutdown phases.</summary>
    internal void FinishTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _root.Self.Tell(RootGuardian.TerminateSystem.Instance, null);
        }
    }

    internal void OnUserGuardianStopped()
    {
        if (Volatile.Read(ref _terminating) == 0)
        {
            LogMessages.UserGuardianStopped(RuntimeLog, Name);
        }
        Terminate();
    }

    internal void OnRootTerminated()
    {
        _deadLetterLog.Flush();
        _scheduler.Dispose();
        CoordinatedShutdown.ReleaseProcessHooks();
        LogMessages.SystemTerminated(RuntimeLog, Name);
        Metrics.Dispose();
        _terminated.TrySetResult();
    }

    internal int NextUid()
    {
        var uid = Interlocked.Increment(ref _uid);
        return uid == ActorPath.UndefinedUid ? Interlocked.Increment(ref _uid) : uid;
    }

    /// <summary>Publishes <paramref name="message"/>, which could not reach <paramref name="recipient"/>, as a dead letter.</summary>
    internal void DeadLetterOf(object message, IActorRef? sender, IActorRef recipient)
    {
        switch (message)
        {
            case DeadLetter deadLetter:
                PublishDeadLetter(deadLetter);
                return;
            case Identify identify:
                if (sender is not null && !sender.Equals(DeadLetters))
                {
                    sender.Tell(new ActorIdentity(identify.MessageId, null), DeadLetters);
                }
                return;
            case WatchTermination or TimerMessage or ReceiveTimeoutTick:
                // The runtime's own notes to an actor that has stopped in the meantime: nothing was lost.
                return;
        }
        PublishDeadLetter(new DeadLetter(message, sender ?? DeadLetters, recipient));
    }

    private void PublishDeadLetter(DeadLetter deadLetter)
    {
        var count = Interlocked.Increment(ref _deadLetterCount);
        Metrics.DeadLetter();
        EventStream.Publish(deadLetter);
        _deadLetterLog.Record(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient, unhandled: false, count);
    }

    internal void PublishUnhandled(UnhandledMessage unhandled)
    {
        var count = Interlocked.Increment(ref _unhandledCount);
        Metrics.Unhandled();
        EventStream.Publish(unhandled);
        _deadLetterLog.Record(unhandled.Message, unhandled.Sender, unhandled.Recipient, unhandled: true, count);
    }

    private ActorCell CreateGuardian(ChildrenContainer rootChildren, ActorPath rootPath, string name, SupervisorStrategy strategy)
    {
        var cell = new ActorCell(this, new ChildActorPath(rootPath, name, NextUid()), Props.Create(() => new Guardian(strategy)), _root.SelfRef);
        rootChildren.Add(name, cell.SelfRef);
        _ = cell.ChildrenContainer;
        return cell;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex SystemNamePattern();
}
