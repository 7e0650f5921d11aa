namespace Agents.Platform.Agents;

/// <summary>
/// An action started with <c>AgentBase.StartAction</c> threw; the agent sends it to itself and handles it in
/// <c>OnActionFailedAsync</c>. A local message: it never leaves the agent.
/// </summary>
/// <param name="ActionId">The id <c>StartAction</c> returned.</param>
/// <param name="Name">The action's name.</param>
/// <param name="Cause">What the work threw.</param>
public sealed record AgentActionFailed(Guid ActionId, string Name, Exception Cause);
