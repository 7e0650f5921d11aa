namespace Agents.Cli.Management;

/// <summary>An agent's resource limits.</summary>
/// <param name="MailboxCapacity">The most messages its mailbox holds; null for unbounded.</param>
/// <param name="MaxConcurrentActions">How many actions it may run at once.</param>
internal sealed record AgentLimitsView(int? MailboxCapacity, int MaxConcurrentActions);
