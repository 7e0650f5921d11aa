namespace Agents.Platform.Coordination;

/// <summary>
/// What the coordinator publishes on <see cref="Topic"/> when an agent goes silent for longer than its heartbeat
/// timeout, or fails too often and is given up. Published as a JSON document (camelCase: <c>agentId</c>,
/// <c>reason</c>, <c>lastSeen</c>, <c>silentFor</c>, <c>node</c>, <c>detail</c>), so that workflow rules and
/// dashboards read it without the CLR type.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason"><see cref="HeartbeatTimeout"/> or <see cref="TooManyFailures"/>.</param>
/// <param name="LastSeen">When the agent last reported that it was alive (started or heartbeat); <see langword="null"/> if never.</param>
/// <param name="SilentFor">How long it had been silent; <see langword="null"/> when it was given up rather than silent.</param>
/// <param name="Node">The node whose coordinator reports it.</param>
/// <param name="Detail">What happened, for people: the last failure's message, or the heartbeat timeout.</param>
public sealed record AgentHealthFailure(
    string AgentId, string Reason, DateTimeOffset? LastSeen, TimeSpan? SilentFor, string Node, string Detail)
{
    /// <summary>The topic health failures are published on.</summary>
    /// <value><c>agent.health.failure</c></value>
    public const string Topic = "agent.health.failure";

    /// <summary>The reason of an agent silent for longer than its heartbeat timeout (it is restarted).</summary>
    /// <value><c>heartbeat-timeout</c></value>
    public const string HeartbeatTimeout = "heartbeat-timeout";

    /// <summary>The reason of an agent that failed too often within the failure window (it stays stopped).</summary>
    /// <value><c>too-many-failures</c></value>
    public const string TooManyFailures = "too-many-failures";
}
