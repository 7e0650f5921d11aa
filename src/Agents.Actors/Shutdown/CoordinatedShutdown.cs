using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// Stops a system in ordered phases, each with a timeout, so that each layer can leave cleanly:
/// <c>service-unbind</c> (stop accepting work), <c>service-stop</c>, <c>before-cluster-shutdown</c>,
/// <c>cluster-leave</c>, <c>before-actor-system-terminate</c>, <c>actor-system-terminate</c> (stops the
/// actors). Tasks of one phase run concurrently; a phase that times out (on the system clock) has its
/// tasks cancelled, is logged, and the next phase starts. Running it again returns the same task.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Stop accepting new work (unbind listeners).</summary>
    public const string PhaseServiceUnbind = "service-unbind";

    /// <summary>Stop services; in-flight requests complete.</summary>
    public const string PhaseServiceStop = "service-stop";

    /// <summary>Before the node leaves its cluster (hand over shards).</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";

    /// <summary>Leave the cluster.</summary>
    public const string PhaseClusterLeave = "cluster-leave";

    /// <summary>Last chance before actors stop (flush journals).</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";

    /// <summary>Stop every actor and the system.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    internal static readonly string[] KnownPhases =
    [
        PhaseServiceUnbind, PhaseServiceStop, PhaseBeforeClusterShutdown,
        PhaseClusterLeave, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly CoordinatedShutdownSettings _settings;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<PhaseTask>> _tasks = [];
    private readonly List<IDisposable> _processHooks = [];
    private Task? _run;
    private CoordinatedShutdownReason? _reason;

    internal CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        _settings = system.Settings.CoordinatedShutdown;
        foreach (var phase in KnownPhases)
        {
            _tasks[phase] = [];
        }
        _tasks[PhaseActorSystemTerminate].Add(new PhaseTask("terminate-actor-system", _ => TerminateActorsAsync()));
        if (_settings.RunOnProcessExit)
        {
            RegisterProcessHooks();
        }
    }

    /// <summary>The coordinated shutdown of <paramref name="system"/>.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.CoordinatedShutdown;
    }

    /// <summary>The phases in the order they run.</summary>
    public IReadOnlyList<string> Phases => KnownPhases;

    /// <summary>Why the shutdown runs, or <see langword="null"/> if it has not started.</summary>
    public CoordinatedShutdownReason? ShutdownReason
    {
        get
        {
            lock (_lock)
            {
                return _reason;
            }
        }
    }

    /// <summary>The sum of all phase timeouts: the longest the whole shutdown can take.</summary>
    public TimeSpan TotalTimeout => KnownPhases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + _settings.TimeoutOf(phase));

    internal bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _run is not null;
            }
        }
    }

    /// <summary>The timeout of <paramref name="phase"/>.</summary>
    public TimeSpan GetPhaseTimeout(string phase)
    {
        CheckPhase(phase);
        return _settings.TimeoutOf(phase);
    }

    /// <summary>
    /// Adds a task to <paramref name="phase"/>. The token is cancelled when the phase times out.
    /// Disposing the returned handle removes the task if the shutdown has not started yet.
    /// </summary>
    /// <exception cref="ArgumentException">The phase is unknown.</exception>
    public IDisposable AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        CheckPhase(phase);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        var entry = new PhaseTask(taskName, task);
        lock (_lock)
        {
            if (_run is not null)
            {
                LogMessages.ShutdownTaskTooLate(_system.RuntimeLog, taskName, phase);
                return new Registration(this, phase, entry);
            }
            _tasks[phase].Add(entry);
        }
        return new Registration(this, phase, entry);
    }

    /// <summary>
    /// Runs the phases in order. The first call starts the shutdown with its reason; later calls return
    /// the same task. The task completes when the last phase has finished (the system has terminated).
    /// </summary>
    public Task Run(CoordinatedShutdownReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_lock)
        {
            if (_run is not null)
            {
                return _run;
            }
            _reason = reason;
            var snapshot = KnownPhases.Select(p => (Phase: p, Tasks: _tasks[p].ToArray())).ToArray();
            _run = Task.Run(() => RunPhasesAsync(reason, snapshot));
            return _run;
        }
    }

    private async Task RunPhasesAsync(CoordinatedShutdownReason reason, (string Phase, PhaseTask[] Tasks)[] phases)
    {
        LogMessages.ShutdownStarted(_system.RuntimeLog, _system.Name, reason.Name);
        foreach (var (phase, tasks) in phases)
        {
            if (tasks.Length == 0)
            {
                continue;
            }
            var timeout = _settings.TimeoutOf(phase);
            using var cancellation = new CancellationTokenSource();
            var running = tasks.Select(t => (t.Name, Task: RunTaskAsync(phase, t, cancellation.Token))).ToArray();
            var all = Task.WhenAll(running.Select(r => r.Task));
            try
            {
                await all.WaitAsync(timeout, _system.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                var pending = string.Join(", ", running.Where(r => !r.Task.IsCompleted).Select(r => r.Name));
                LogMessages.ShutdownPhaseTimedOut(_system.RuntimeLog, phase, timeout, pending);
                await cancellation.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task RunTaskAsync(string phase, PhaseTask task, CancellationToken cancellationToken)
    {
        try
        {
            await task.Body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogMessages.ShutdownTaskFailed(_system.RuntimeLog, task.Name, phase, e);
        }
    }

    private Task TerminateActorsAsync()
    {
        _system.FinishTerminate();
        return _system.WhenTerminated;
    }

    private void RegisterProcessHooks()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            try
            {
                _processHooks.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    LogMessages.ProcessExitSignal(_system.RuntimeLog, context.Signal.ToString(), _system.Name);
                    _ = Run(CoordinatedShutdownReason.ProcessExit);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform delivers every signal; process exit below still applies.
            }
        }
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        _processHooks.Add(new ProcessExitHook(this));
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        LogMessages.ProcessExitSignal(_system.RuntimeLog, "ProcessExit", _system.Name);
        // The process ends when this handler returns, so the exiting thread waits for the shutdown.
        Run(CoordinatedShutdownReason.ProcessExit).Wait(TotalTimeout);
    }

    /// <summary>Removes the process signal hooks; called when the system has terminated.</summary>
    internal void ReleaseProcessHooks()
    {
        lock (_lock)
        {
            foreach (var hook in _processHooks)
            {
                hook.Dispose();
            }
            _processHooks.Clear();
        }
    }

    private static void CheckPhase(string phase)
    {
        if (!KnownPhases.Contains(phase))
        {
            throw new ArgumentException(
                $"Unknown coordinated shutdown phase '{phase}'; use one of {string.Join(", ", KnownPhases)} (the CoordinatedShutdown.Phase* constants).",
                nameof(phase));
        }
    }

    private sealed record PhaseTask(string Name, Func<CancellationToken, Task> Body);

    private sealed class Registration(CoordinatedShutdown owner, string phase, PhaseTask task) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._tasks[phase].Remove(task);
            }
        }
    }

    private sealed class ProcessExitHook(CoordinatedShutdown owner) : IDisposable
    {
        public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= owner.OnProcessExit;
    }
}
