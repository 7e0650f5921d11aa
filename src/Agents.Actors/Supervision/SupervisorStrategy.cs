using Microsoft.Extensions.Logging;

namespace Agents.Actors;

/// <summary>
/// How a parent handles its children's failures: a decider maps each exception to a
/// <see cref="Directive"/>, and restarts are limited to <see cref="MaxNrOfRetries"/> within
/// <see cref="WithinTimeRange"/> (beyond that the child is stopped). Measured on the system's
/// <see cref="TimeProvider"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>
    /// The decider used when none is given: <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/> stop the child, any other
    /// exception restarts it.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = static exception => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (maxNrOfRetries < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "maxNrOfRetries must be -1 (unlimited), 0 (never restart) or positive.");
        }
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange is { } window && window > TimeSpan.Zero && window != Timeout.InfiniteTimeSpan ? window : null;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>The most restarts of a child within <see cref="WithinTimeRange"/>; -1 for unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window for <see cref="MaxNrOfRetries"/>, or <see langword="null"/> for no window (a lifetime count).</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps a child's exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged (Resume as a warning, Restart and Stop as errors).</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Applies the directive for <paramref name="cause"/>; returns <see langword="false"/> to escalate.</summary>
    internal bool HandleFailure(ActorCell cell, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<LocalActorRef> children)
    {
        var directive = Decider(cause);
        if (LoggingEnabled)
        {
            LogFailure(cell, child, cause, directive);
        }
        switch (directive)
        {
            case Directive.Resume:
                cell.ResumeChild(child, cause);
                return true;
            case Directive.Restart:
                ProcessFailure(cell, restart: true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(cell, restart: false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restarts or stops the failed child (or, for all-for-one, every child).</summary>
    private protected abstract void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<LocalActorRef> children);

    private static void LogFailure(ActorCell cell, IActorRef child, Exception cause, Directive directive)
    {
        var log = cell.System.RuntimeLog;
        switch (directive)
        {
            case Directive.Resume:
                LogMessages.ChildResumed(log, child.Path, cause.GetType().Name, cause);
                break;
            case Directive.Restart:
                LogMessages.ChildRestarted(log, child.Path, cause.GetType().Name, cause);
                break;
            case Directive.Stop:
                LogMessages.ChildStopped(log, child.Path, cause.GetType().Name, cause);
                break;
            default:
                if (log.IsEnabled(LogLevel.Debug))
                {
                    LogMessages.ChildEscalated(log, child.Path, cause.GetType().Name, cell.Self.Path);
                }
                break;
        }
    }
}
