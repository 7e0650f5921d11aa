namespace Agents.Actors;

/// <summary>
/// Applies the directive to every child when one fails: for children that only make sense together.
/// The retry limit counts per child; when any child exceeds it, all are stopped.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates a strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for unlimited, 0 for none (stop instead).</param>
    /// <param name="withinTimeRange">The window; <see langword="null"/> to count restarts over the children's lifetimes.</param>
    /// <param name="decider">Maps exceptions to directives.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    private protected override void ProcessFailure(ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<LocalActorRef> children)
    {
        if (children.Count == 0)
        {
            return;
        }
        var permitted = restart;
        if (restart)
        {
            var container = cell.ChildrenContainer;
            foreach (var sibling in children)
            {
                permitted &= container.StatsFor(sibling).RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, cell.System.TimeProvider);
            }
        }
        foreach (var sibling in children)
        {
            if (permitted)
            {
                cell.RestartChild(sibling, cause, suspendFirst: !sibling.Equals(child));
            }
            else
            {
                cell.Stop(sibling);
            }
        }
    }
}
