namespace Agents.Cluster.Sharding;

/// <summary>
/// Sent to a shard region: every shard sends <see cref="ShardingSettings.StopMessage"/> to its entities and stops
/// once they have stopped; then the region stops (watch it to know when). Messages arriving meanwhile go to
/// dead letters. Remembered entities stay remembered, so a restarted node starts them again.
/// </summary>
public sealed record GracefulShutdown
{
    /// <summary>The one instance.</summary>
    public static GracefulShutdown Instance { get; } = new();
}
