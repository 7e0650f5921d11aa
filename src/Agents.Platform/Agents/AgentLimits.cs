namespace Agents.Platform.Agents;

/// <summary>The resources one agent may use.</summary>
/// <param name="MailboxCapacity">
/// The most messages its mailbox holds; one more goes to dead letters. <see langword="null"/> for unbounded.
/// </param>
/// <param name="MaxConcurrentActions">How many actions (long-running work started by the agent) may run at once; at least 1.</param>
public sealed record AgentLimits(int? MailboxCapacity = null, int MaxConcurrentActions = 1)
{
    /// <summary>No mailbox bound, one action at a time.</summary>
    public static AgentLimits Default { get; } = new();
}
