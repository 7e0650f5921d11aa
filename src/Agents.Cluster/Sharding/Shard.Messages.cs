namespace Agents.Cluster.Sharding;

// The shard's own messages: from its region, from its timers and from the remember-entities store.
internal sealed partial class Shard
{
    /// <summary>From the region: reply with the shard's <see cref="ShardState"/>.</summary>
    internal sealed record GetShardState
    {
        public static GetShardState Instance { get; } = new();
    }

    /// <summary>From the region: stop every entity, then the shard.</summary>
    internal sealed record HandOff
    {
        public static HandOff Instance { get; } = new();
    }

    /// <summary>Timer: passivate the entities idle for longer than the timeout.</summary>
    private sealed record IdleCheck
    {
        public static IdleCheck Instance { get; } = new();
    }

    /// <summary>Timer: start again a remembered entity that stopped without passivating.</summary>
    private sealed record RestartEntity(string EntityId);

    /// <summary>A write to the remember-entities store succeeded.</summary>
    private sealed record RememberUpdateDone(IReadOnlyList<string> Started, IReadOnlyList<string> Stopped);

    /// <summary>A write to the remember-entities store failed; its outcome is unknown.</summary>
    private sealed record RememberUpdateFailed(Exception Cause);
}
