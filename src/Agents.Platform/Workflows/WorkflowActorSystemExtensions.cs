using Agents.Actors;
using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Workflows;

/// <summary>Starts the workflow rules of an actor system.</summary>
public static class WorkflowActorSystemExtensions
{
    /// <summary>The name of the engine actor under <c>/user</c>.</summary>
    /// <value><c>workflows</c></value>
    public const string EngineName = "workflows";

    /// <summary>
    /// Reads <c>agents.workflows</c> from the system's configuration, checks the rules against the known agents and
    /// types, and starts the <see cref="WorkflowEngine"/> (<c>/user/workflows</c>). Call it at start-up after the topic
    /// service is added (<c>system.Topics()</c>) and the agents are defined, so that a bad rule stops the node with a
    /// message that lists every problem.
    /// </summary>
    /// <param name="system">The actor system; its topic service carries the rules' subscriptions and audit records.</param>
    /// <param name="directory">How the rules reach the agents.</param>
    /// <param name="definitions">The agents the node knows (from <c>agents.definitions</c> and the coordinator's journal); <c>tell</c> must name one.</param>
    /// <param name="types">The registered agent types; <c>tell-type</c> must name one.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="WorkflowConfigurationException">A rule is invalid; the message lists every problem with its path.</exception>
    /// <exception cref="HoconException"><c>agents.workflows.tell-timeout</c> has a bad value.</exception>
    /// <exception cref="InvalidOperationException">There are rules but the system has no topic service.</exception>
    public static IActorRef AddWorkflows(
        this ActorSystem system, IAgentDirectory directory, IReadOnlyCollection<AgentDefinition> definitions, AgentTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(directory);
        var settings = WorkflowSettings.FromConfig(system.Config);
        var rules = WorkflowRuleBinder.Bind(system.Config, definitions, types);
        if (rules.Count > 0)
        {
            _ = system.Topics();
        }

        return system.ActorOf(WorkflowEngine.Props(rules, directory, settings), EngineName);
    }
}
