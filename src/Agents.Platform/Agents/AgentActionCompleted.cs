namespace Agents.Platform.Agents;

/// <summary>
/// An action started with <c>AgentBase.StartAction</c> completed; the agent sends it to itself and handles it in
/// <c>OnActionCompletedAsync</c>. A local message: it never leaves the agent.
/// </summary>
/// <param name="ActionId">The id <c>StartAction</c> returned.</param>
/// <param name="Name">The action's name.</param>
/// <param name="Result">What the work returned; <see langword="null"/> for nothing.</param>
public sealed record AgentActionCompleted(Guid ActionId, string Name, object? Result);
