using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// Sends to the routee with the fewest waiting messages. An idle routee (nothing queued and no message
/// being processed) is taken at once; otherwise each routee scores its queued messages plus one when it
/// is processing a message, and the lowest score wins (the first one on a tie). A suspended routee (failed
/// and waiting for its supervisor) and a routee whose load cannot be seen (a selection, a remote actor)
/// are chosen only when no local routee is available; a stopped routee only when nothing else is left.
/// </summary>
/// <remarks>
/// The mailbox figures are read from other threads without locking, so they are a snapshot that may
/// already be stale: the choice balances load, it does not guarantee the minimum.
/// </remarks>
public sealed class SmallestMailboxRoutingLogic : RoutingLogic
{
    private const long Unknown = long.MaxValue - 2;
    private const long Suspended = long.MaxValue - 1;
    private const long Stopped = long.MaxValue;

    /// <inheritdoc />
    public override Routee Select(object message, ImmutableArray<Routee> routees)
    {
        if (routees.Length == 0)
        {
            return NoRoutee.Instance;
        }
        var best = routees[0];
        var bestScore = Stopped;
        foreach (var routee in routees)
        {
            var score = Score(routee);
            if (score == 0)
            {
                return routee;
            }
            if (score < bestScore)
            {
                best = routee;
                bestScore = score;
            }
        }
        return best;
    }

    private static long Score(Routee routee)
    {
        if (routee is not ActorRefRoutee { Actor: LocalActorRef local })
        {
            return Unknown;
        }
        var mailbox = local.Mailbox;
        if (mailbox.IsClosed)
        {
            return Stopped;
        }
        if (mailbox.IsSuspended)
        {
            return Suspended;
        }
        var busy = local.Cell.CurrentMessage is not null ? 1L : 0L;
        return mailbox.Count + busy;
    }
}
