using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Workflows;

/// <summary>
/// Runs one workflow rule: holds its durable subscription, evaluates its condition on each event, tells the targets,
/// publishes the audit record and acknowledges the event. One actor per rule, so that a slow agent delays only the
/// rules that tell it. Events are handled one at a time, in log order.
/// </summary>
internal sealed class WorkflowRuleRunner : ReceiveActor
{
    private readonly WorkflowRule _rule;
    private readonly IAgentDirectory _directory;
    private readonly WorkflowSettings _settings;
    private readonly CancellationTokenSource _stopping = new();
    private ITopicService? _topics;
    private IDisposable? _subscription;
    private TopicOffset? _lastHandled;

    public WorkflowRuleRunner(WorkflowRule rule, IAgentDirectory directory, WorkflowSettings settings)
    {
        _rule = rule;
        _directory = directory;
        _settings = settings;
        ReceiveAsync<TopicEvent>(HandleAsync);
    }

    protected override void PreStart()
    {
        _topics = Context.System.Topics();
        _subscription = _topics.SubscribeDurable(_rule.SubscriptionId, _rule.On, Self, _rule.From);
        WorkflowLog.Subscribed(Log, _rule.Name, string.Join(", ", _rule.On), _rule.SubscriptionId);
    }

    // Stop is a system message: it can end the actor while a handler still awaits a tell. Cancelling (not disposing)
    // lets that handler's continuation still read the token and end quietly.
    protected override void PostStop()
    {
        _subscription?.Dispose();
        _stopping.Cancel();
    }

    private async Task HandleAsync(TopicEvent message)
    {
        var sender = Sender;
        var envelope = message.Envelope;
        if (!IsRepeat(envelope.Offset) && !IsAuditRecord(envelope) && TryReadPayload(envelope, out var payload)
            && (_rule.Where is null || _rule.Where.Evaluate(payload, envelope.Topic, envelope.Publisher)))
        {
            await FireAsync(envelope, payload);
        }

        if (!IsRepeat(envelope.Offset))
        {
            _lastHandled = envelope.Offset;
        }

        sender.Tell(new TopicEventAck(message.SubscriptionId, envelope.Offset), Self);
    }

    // Deliveries are at-least-once: after the subscription is replaced (a restart of this actor keeps nothing, so this
    // only covers repeats within one life) an event already handled may come again.
    private bool IsRepeat(TopicOffset offset) => _lastHandled is { } last && offset <= last;

    // The engine's own audit records never trigger rules: a rule on '#' would otherwise fire on its own firings forever.
    private static bool IsAuditRecord(TopicEnvelope envelope) =>
        envelope.Publisher == WorkflowSettings.Publisher && envelope.Topic == WorkflowSettings.FiredTopic;

    private bool TryReadPayload(TopicEnvelope envelope, out JsonElement payload)
    {
        try
        {
            payload = WorkflowArguments.PayloadOf(envelope.Payload);
            return true;
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            WorkflowLog.PayloadUnreadable(Log, e, _rule.Name, envelope.DeliveryId, envelope.Topic, envelope.Manifest);
            payload = default;
            return false;
        }
    }

    private async Task FireAsync(TopicEnvelope envelope, JsonElement payload)
    {
        var command = new AgentCommand(_rule.Command, WorkflowArguments.Build(_rule, envelope, payload));
        WorkflowLog.Fired(Log, _rule.Name, envelope.Topic, envelope.DeliveryId, _rule.Command, _rule.Target.ToString());
        string? error = null;
        IReadOnlyList<string> targets = [];
        try
        {
            targets = await FindTargetsAsync(envelope.DeliveryId);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            WorkflowLog.TargetsFailed(Log, e, _rule.Name, _rule.Target.AgentType ?? "", envelope.DeliveryId);
            error = $"Finding the agents of type '{_rule.Target.AgentType}' failed: {e.Message}";
        }

        var results = await Task.WhenAll(targets.Select(id => TellAsync(id, command, envelope.DeliveryId)));
        var fired = new WorkflowRuleFired(
            _rule.Name, envelope.Topic, envelope.Offset.ToString(), envelope.DeliveryId, _rule.Command, results,
            Context.System.TimeProvider.GetUtcNow(), error);
        try
        {
            await _topics!.PublishAsync(
                WorkflowSettings.FiredTopic, new JsonPayload(JsonSerializer.SerializeToElement(fired, JsonSerializerOptions.Web)),
                WorkflowSettings.Publisher, _stopping.Token);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            WorkflowLog.AuditFailed(Log, e, _rule.Name, envelope.DeliveryId);
        }
    }

    private async Task<IReadOnlyList<string>> FindTargetsAsync(long deliveryId)
    {
        if (_rule.Target.AgentId is { } id)
        {
            return [id];
        }

        var type = _rule.Target.AgentType!;
        var agents = await _directory.ListAsync(type, status: null, _stopping.Token);
        var targets = agents
            .Where(a => a.Definition.Type == type && a.Status is AgentStatus.Running or AgentStatus.Starting)
            .Select(a => a.Definition.Id)
            .ToList();
        if (targets.Count == 0)
        {
            WorkflowLog.NoTargets(Log, _rule.Name, type, deliveryId);
        }

        return targets;
    }

    private async Task<WorkflowTargetResult> TellAsync(string agentId, AgentCommand command, long deliveryId)
    {
        try
        {
            var answer = await _directory.TellAsync(agentId, command, _settings.TellTimeout, _stopping.Token);
            return new WorkflowTargetResult(agentId, answer.Accepted, answer.Message);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            var expected = e is TimeoutException or UnknownAgentException;
            WorkflowLog.TellFailed(Log, expected ? null : e, _rule.Name, agentId, command.Name, deliveryId, e.Message);
            return new WorkflowTargetResult(agentId, false, e.Message);
        }
    }
}
