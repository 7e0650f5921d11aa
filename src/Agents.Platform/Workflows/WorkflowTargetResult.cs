namespace Agents.Platform.Workflows;

/// <summary>What one agent answered when a workflow rule told it its command.</summary>
/// <param name="AgentId">The agent told.</param>
/// <param name="Accepted">Whether it accepted the command; false also when the tell failed.</param>
/// <param name="Message">Its answer, or why the tell failed (unknown agent, no answer in time, ...).</param>
public sealed record WorkflowTargetResult(string AgentId, bool Accepted, string Message);
