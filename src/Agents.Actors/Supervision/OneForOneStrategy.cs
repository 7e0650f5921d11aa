namespace Agents.Actors;

/// <summary>Applies the directive to the failed child only. The usual choice.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates a strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for unlimited, 0 for none (stop instead).</param>
    /// <param name="withinTimeRange">The window; <see langword="null"/> to count restarts over the child's lifetime.</param>
    /// <param name="decider">Maps exceptions to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    private protected override void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<LocalActorRef> children)
    {
        if (restart && stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, cell.System.TimeProvider))
        {
            cell.RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            cell.Stop(child);
        }
    }
}
