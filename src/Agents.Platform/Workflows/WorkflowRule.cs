using System.Text.Json;
using Agents.Platform.Topics;
using Agents.Platform.Workflows.Predicates;

namespace Agents.Platform.Workflows;

/// <summary>
/// One workflow rule (<c>agents.workflows.rules.&lt;name&gt;</c>): on an event whose topic matches <see cref="On"/>, where
/// <see cref="Where"/> holds for its payload, send <see cref="Command"/> to <see cref="Target"/> — the
/// <c>ON EVENT ... WHERE ... EXECUTE</c> of the seed design.
/// </summary>
/// <param name="Name">The rule's name, its key in the configuration.</param>
/// <param name="On">The topic patterns it listens to (AMQP rules).</param>
/// <param name="Where">The condition on the event; <see langword="null"/> fires on every matching event.</param>
/// <param name="Target">Who is told.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Arguments">
/// The command's fixed arguments, a JSON object, or <see langword="null"/>. The engine adds the triggering event under
/// <c>trigger</c>.
/// </param>
/// <param name="From">
/// Where the rule's subscription begins the first time the rule runs: at the beginning of the topic log (the default:
/// it also fires on matching events published before it existed) or at the end (only on what is published from then
/// on, e.g. a rule added to a node with a long history).
/// </param>
public sealed record WorkflowRule(
    string Name,
    IReadOnlyList<TopicPattern> On,
    WorkflowPredicate? Where,
    WorkflowTarget Target,
    string Command,
    JsonElement? Arguments = null,
    SubscriptionStart From = SubscriptionStart.Beginning)
{
    /// <summary>The prefix of the ids of the rules' durable subscriptions.</summary>
    /// <value><c>workflow-</c></value>
    public const string SubscriptionPrefix = "workflow-";

    /// <summary>The id of the rule's durable subscription: <c>workflow-&lt;name&gt;</c>; its offset is stored under it.</summary>
    public string SubscriptionId => SubscriptionPrefix + Name;
}
