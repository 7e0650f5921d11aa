namespace Agents.Platform.Workflows;

/// <summary>
/// The audit record of one firing of a workflow rule, published on <see cref="WorkflowSettings.FiredTopic"/> as a
/// JSON document (camelCase): which rule, on which event, whom it told and what each answered. Rules never fire on
/// these records, so a rule on <c>#</c> cannot trigger itself.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Topic">The triggering event's topic.</param>
/// <param name="Offset">The triggering event's offset in the topic log (<c>batch:sequence</c>).</param>
/// <param name="DeliveryId">The triggering event's delivery id, also sent to the agents in the command's <c>trigger</c>.</param>
/// <param name="Command">The command sent.</param>
/// <param name="Targets">Each agent told and its answer; empty when a type had no active agent.</param>
/// <param name="FiredAt">When the rule fired, by the actor system's time provider.</param>
/// <param name="Error">Why the targets could not be found (the agent directory failed); <see langword="null"/> otherwise.</param>
public sealed record WorkflowRuleFired(
    string Rule, string Topic, string Offset, long DeliveryId, string Command, IReadOnlyList<WorkflowTargetResult> Targets,
    DateTimeOffset FiredAt, string? Error = null);
