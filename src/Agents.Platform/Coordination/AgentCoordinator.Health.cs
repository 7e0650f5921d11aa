using System.Text.Json;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Microsoft.Extensions.Logging;

namespace Agents.Platform.Coordination;

// The heartbeat watch, and the reports on agent.health.failure.
public sealed partial class AgentCoordinator
{
    private const string Publisher = "agent-coordinator";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Reports and restarts every running agent that has been silent for longer than its heartbeat timeout.</summary>
    private void CheckHeartbeats()
    {
        var now = Context.System.TimeProvider.GetUtcNow();
        foreach (var entry in _agents.Values)
        {
            if (!entry.Active || entry.Status != AgentStatus.Running || entry.LastSeen is not { } lastSeen)
            {
                continue;
            }
            var timeout = (entry.Definition.Heartbeat ?? AgentHeartbeat.Default).Timeout;
            var silentFor = now - lastSeen;
            if (silentFor <= timeout)
            {
                continue;
            }
            var detail = $"no heartbeat for {silentFor} (timeout {timeout}); restarted";
            AgentCoordinatorLog.Silent(Log, entry.Id, silentFor, timeout);
            entry.Status = AgentStatus.Restarting;
            entry.Restarts++;
            entry.LastFailure = detail;
            Publish(new AgentHealthFailure(entry.Id, AgentHealthFailure.HeartbeatTimeout, lastSeen, silentFor, Node, detail));
            Persist(new AgentRestartRequested(entry.Id, AgentHealthFailure.HeartbeatTimeout), requested =>
                SendToHost(entry, new RestartAgent(requested.AgentId, requested.Reason)));
        }
    }

    /// <summary>
    /// Publishes a health failure on <see cref="AgentHealthFailure.Topic"/> without waiting for it; without a topic
    /// service (a system set up without one) the failure is only logged.
    /// </summary>
    private void Publish(AgentHealthFailure failure)
    {
        if (!Context.System.TryGetExtension<ITopicService>(out var topics))
        {
            AgentCoordinatorLog.NoTopicService(Log, failure.AgentId, failure.Reason, failure.Detail);
            return;
        }
        var payload = new JsonPayload(JsonSerializer.SerializeToElement(failure, s_json));
        _ = PublishAsync(topics, payload, failure, Log);
    }

    private static async Task PublishAsync(ITopicService topics, JsonPayload payload, AgentHealthFailure failure, ILogger log)
    {
        try
        {
            await topics.PublishAsync(AgentHealthFailure.Topic, payload, Publisher).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AgentCoordinatorLog.PublishFailed(log, failure.AgentId, failure.Reason, e);
        }
    }
}
