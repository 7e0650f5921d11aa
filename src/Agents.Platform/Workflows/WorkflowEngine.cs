using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Workflows;

/// <summary>
/// The actor that runs the workflow rules of a node. It starts one child per rule; each subscribes durably to its
/// rule's topics under <c>workflow-&lt;rule&gt;</c> through the system's <see cref="ITopicService"/> (so no event is lost
/// while the node is down), evaluates the rule's condition on each event, sends the rule's <see cref="AgentCommand"/>
/// through the <see cref="IAgentDirectory"/> to the agent or to every running (or starting) agent of the type,
/// publishes a <see cref="WorkflowRuleFired"/> record on <see cref="WorkflowSettings.FiredTopic"/>, and acknowledges
/// the event. A failed tell is logged and recorded in the audit record; it never stops the engine.
/// </summary>
/// <remarks>
/// A <see cref="TopicEvent"/> sent to the engine itself is forwarded (sender kept) to the child of its subscription.
/// Start the engine with <see cref="WorkflowActorSystemExtensions.AddWorkflows"/>.
/// </remarks>
public sealed class WorkflowEngine : ReceiveActor
{
    private readonly IReadOnlyList<WorkflowRule> _rules;
    private readonly IAgentDirectory _directory;
    private readonly WorkflowSettings _settings;
    private readonly Dictionary<string, IActorRef> _runners = new(StringComparer.Ordinal);

    /// <summary>Creates the engine; use <see cref="Props"/> (or <see cref="WorkflowActorSystemExtensions.AddWorkflows"/>).</summary>
    /// <param name="rules">The rules, already checked by <see cref="WorkflowRuleBinder"/>.</param>
    /// <param name="directory">How the rules reach the agents.</param>
    /// <param name="settings">How the engine runs.</param>
    public WorkflowEngine(IReadOnlyList<WorkflowRule> rules, IAgentDirectory directory, WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        _rules = rules;
        _directory = directory;
        _settings = settings;
        Receive<TopicEvent>(Route);
    }

    /// <summary>The props of an engine that runs <paramref name="rules"/>.</summary>
    public static Props Props(IReadOnlyList<WorkflowRule> rules, IAgentDirectory directory, WorkflowSettings settings) =>
        Actors.Props.Create(() => new WorkflowEngine(rules, directory, settings));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _runners.Clear();
        foreach (var rule in _rules)
        {
            _runners[rule.SubscriptionId] = Context.ActorOf(
                Actors.Props.Create(() => new WorkflowRuleRunner(rule, _directory, _settings)), "rule-" + rule.Name);
        }
    }

    private void Route(TopicEvent message)
    {
        if (_runners.TryGetValue(message.SubscriptionId, out var runner))
        {
            runner.Forward(message);
        }
        else
        {
            WorkflowLog.UnknownSubscription(Log, message.SubscriptionId);
        }
    }
}
