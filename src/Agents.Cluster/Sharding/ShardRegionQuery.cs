using Agents.Actors;

namespace Agents.Cluster.Sharding;

/// <summary>
/// Answers <see cref="GetShardRegionState"/> or <see cref="GetShardRegionStats"/> for a region: asks each of its
/// shards for its state, collects the replies (a shard that stops before it answers is left out) and replies to
/// the asker, then stops. A child of the region, so the region keeps routing while it waits.
/// </summary>
internal sealed class ShardRegionQuery(IReadOnlyList<IActorRef> shards, IActorRef replyTo, bool statsOnly) : ActorBase
{
    private readonly HashSet<IActorRef> _outstanding = [.. shards];
    private readonly List<ShardState> _states = [];
    private bool _replied;

    protected override void PreStart()
    {
        foreach (var shard in _outstanding)
        {
            Context.Watch(shard);
            shard.Tell(Shard.GetShardState.Instance, Self);
        }
        ReplyWhenComplete();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ShardState state:
                if (_outstanding.Remove(Sender))
                {
                    Context.Unwatch(Sender);
                    _states.Add(state);
                }
                ReplyWhenComplete();
                return true;
            case Terminated terminated:
                _outstanding.Remove(terminated.ActorRef);
                ReplyWhenComplete();
                return true;
            default:
                return false;
        }
    }

    private void ReplyWhenComplete()
    {
        if (_outstanding.Count > 0 || _replied)
        {
            return;
        }
        _replied = true;
        var ordered = _states.OrderBy(s => s.ShardId, StringComparer.Ordinal).ToArray();
        object reply = statsOnly
            ? new ShardRegionStats(ordered.ToDictionary(s => s.ShardId, s => s.EntityIds.Count, StringComparer.Ordinal))
            : new CurrentShardRegionState(ordered);
        replyTo.Tell(reply, Context.Parent);
        Context.Stop(Self);
    }
}
