using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// Sends to the routees in turn. The position is one shared counter advanced with
/// <see cref="Interlocked.Increment(ref long)"/>, so concurrent senders never pick the same turn twice
/// and, with a fixed set of routees, every routee receives its share to within one message.
/// </summary>
public sealed class RoundRobinRoutingLogic : RoutingLogic
{
    // The first increment yields 0, so the first message goes to the first routee.
    private long _next = -1;

    /// <inheritdoc />
    public override Routee Select(object message, ImmutableArray<Routee> routees)
    {
        var count = routees.Length;
        if (count == 0)
        {
            return NoRoutee.Instance;
        }
        var turn = (ulong)Interlocked.Increment(ref _next);
        return routees[(int)(turn % (uint)count)];
    }
}
