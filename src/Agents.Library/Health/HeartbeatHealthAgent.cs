using System.Globalization;
using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;

namespace Agents.Library.Health;

/// <summary>
/// The agent type <c>heartbeat-health</c>: every <c>check-every</c> it reads every active agent from the directory,
/// scores its health (<see cref="HealthScore"/>: heartbeat regularity, failures reported on
/// <c>agent.health.failure</c>, restart growth), shows the score on the node's <see cref="AgentHealthBoard"/> (and so
/// in <c>GET /api/agents/{id}</c>), and raises an alert on <c>alert.&lt;level&gt;</c> when an agent enters a level
/// (<see cref="HealthThresholds"/>) and <c>alert.recovered</c> when it is healthy again.
/// </summary>
/// <remarks>
/// Alerts are decisions: each is journaled (<see cref="AlertRaised"/>, <see cref="AlertCleared"/>) before it is
/// published, so a restarted health agent knows which agents are alerted and does not raise them again. The
/// observations behind the scores are kept in memory only. It subscribes to <c>agent.health.failure</c> whether its
/// definition says so or not, and never scores itself.
/// </remarks>
public sealed class HeartbeatHealthAgent : AgentBase
{
    /// <summary>The type name the agent is registered under.</summary>
    /// <value><c>heartbeat-health</c></value>
    public const string TypeName = "heartbeat-health";

    /// <summary>The topic of alerts' recoveries.</summary>
    /// <value><c>alert.recovered</c></value>
    public const string RecoveredTopic = "alert.recovered";

    private readonly HeartbeatHealthSettings _settings;
    private readonly IAgentDirectory? _directory;
    private readonly Dictionary<string, AgentHealthHistory> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastScores = new(StringComparer.Ordinal);
    private readonly AgentHealthBoard _board;

    /// <summary>Creates the health agent of <paramref name="definition"/>; it reads the system's agent platform.</summary>
    /// <exception cref="AgentDefinitionException">The definition or a setting is invalid.</exception>
    public HeartbeatHealthAgent(AgentDefinition definition)
        : this(definition, null)
    {
    }

    /// <summary>Creates the health agent of <paramref name="definition"/> reading <paramref name="directory"/> (tests give a double).</summary>
    internal HeartbeatHealthAgent(AgentDefinition definition, IAgentDirectory? directory)
        : base(WithFailureSubscription(definition))
    {
        _settings = HeartbeatHealthSettings.From(definition);
        _directory = directory;
        _board = AgentHealthBoard.Get(Context.System);
        Recover<AlertRaised>(raised => _alerts[raised.AgentId] = raised.Level);
        Recover<AlertCleared>(cleared => _alerts.Remove(cleared.AgentId));
        CommandAsync<CheckDue>(_ => CheckAsync());
    }

    /// <summary>
    /// Registers the <c>heartbeat-health</c> type in <paramref name="registry"/>. Its props check the definition and
    /// the settings, so a bad one is refused when the props are made.
    /// </summary>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(WithFailureSubscription(definition));
            HeartbeatHealthSettings.From(definition);
            return WithMailboxLimit(Props.Create(() => new HeartbeatHealthAgent(definition)), definition);
        });
    }

    /// <summary><paramref name="definition"/> with <c>agent.health.failure</c> among its subscriptions.</summary>
    internal static AgentDefinition WithFailureSubscription(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var subscribes = definition.Subscribes ?? [];
        return subscribes.Contains(AgentHealthFailure.Topic, StringComparer.Ordinal)
            ? definition
            : definition with { Subscribes = [.. subscribes, AgentHealthFailure.Topic] };
    }

    /// <inheritdoc />
    protected override void OnRecovered() =>
        Timers.StartPeriodicTimer(CheckTimerKey.Instance, CheckDue.Instance, _settings.CheckEvery);

    /// <inheritdoc />
    protected override Task OnEventAsync(TopicEvent topicEvent)
    {
        ArgumentNullException.ThrowIfNull(topicEvent);
        var envelope = topicEvent.Envelope;
        if (!string.Equals(envelope.Topic, AgentHealthFailure.Topic, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var payload = TopicPayloads.ToJson(envelope.Payload);
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("agentId", out var agentId) || agentId.ValueKind != JsonValueKind.String)
        {
            HealthLog.PayloadIgnored(Log, Id, envelope.Topic, envelope.Offset.ToString(), "it has no agentId (a string)");
            return Task.CompletedTask;
        }

        var subject = agentId.GetString()!;
        if (!string.Equals(subject, Id, StringComparison.Ordinal))
        {
            History(subject).RecordFailure(envelope.PublishedAt);
        }

        return Task.CompletedTask;
    }

    private AgentHealthHistory History(string agentId)
    {
        if (!_histories.TryGetValue(agentId, out var history))
        {
            history = new AgentHealthHistory(Now);
            _histories[agentId] = history;
        }

        return history;
    }

    private async Task CheckAsync()
    {
        // A directory that does not answer within one check period is skipped rather than waited for: the wait would
        // hold back this agent's own heartbeat.
        var directory = _directory ?? Context.System.AgentPlatform();
        using var patience = new CancellationTokenSource(_settings.CheckEvery, Context.System.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(patience.Token, StoppingToken);
        IReadOnlyList<AgentInfo> agents;
        try
        {
            agents = await directory.ListAsync(cancellationToken: linked.Token);
        }
        catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            HealthLog.DirectoryUnavailable(Log, Id, e);
            return;
        }

        var now = Now;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            var agentId = agent.Definition.Id;
            if (agent.Status == AgentStatus.Inactive || string.Equals(agentId, Id, StringComparison.Ordinal))
            {
                continue;
            }

            seen.Add(agentId);
            var signals = History(agentId).Observe(agent, now, _settings.CheckEvery, _settings.Window);
            var assessment = HealthScore.Compute(signals);
            var level = _settings.Thresholds.LevelOf(assessment.Score, signals.Failed);
            _lastScores[agentId] = assessment.Score;
            _board.Update(agentId, new AgentHealthEntry(assessment.Score, HealthLevelNames.Of(level), assessment.Reasons, now));
            await DecideAsync(agentId, level, assessment, now);
        }

        foreach (var gone in _histories.Keys.Concat(_alerts.Keys).Where(id => !seen.Contains(id)).Distinct().ToList())
        {
            _histories.Remove(gone);
            _board.Remove(gone);
            if (_alerts.ContainsKey(gone))
            {
                var score = _lastScores.GetValueOrDefault(gone);
                await ClearAsync(new AlertCleared(gone, score, $"Agent '{gone}' is no longer active; its alert is cleared.", now));
            }

            _lastScores.Remove(gone);
        }
    }

    private async Task DecideAsync(string agentId, HealthLevel level, HealthAssessment assessment, DateTimeOffset now)
    {
        var current = _alerts.GetValueOrDefault(agentId);
        var score = assessment.Score.ToString("0.#", CultureInfo.InvariantCulture);
        if (level == HealthLevel.Healthy)
        {
            if (current is not null)
            {
                await ClearAsync(new AlertCleared(agentId, assessment.Score, $"Agent '{agentId}' is healthy again (score {score}).", now));
            }

            return;
        }

        var name = HealthLevelNames.Of(level);
        if (string.Equals(current, name, StringComparison.Ordinal))
        {
            return;
        }

        var because = assessment.Reasons.Count == 0 ? "" : $": {string.Join("; ", assessment.Reasons)}";
        var raised = new AlertRaised(agentId, name, assessment.Score, assessment.Reasons, $"Agent '{agentId}' health is {name} (score {score}){because}.", now);
        await PersistAndWaitAsync(raised);
        _alerts[agentId] = name;
        HealthLog.AlertRaised(Log, Id, name, agentId, raised.Score, raised.Message);
        await PublishAsync($"alert.{name}", TopicPayloads.FromRecord(new HealthAlert(agentId, name, raised.Score, raised.Reasons, raised.Message)), StoppingToken);
    }

    private async Task ClearAsync(AlertCleared cleared)
    {
        await PersistAndWaitAsync(cleared);
        _alerts.Remove(cleared.AgentId);
        HealthLog.AlertCleared(Log, Id, cleared.AgentId, cleared.Score, cleared.Message);
        await PublishAsync(RecoveredTopic, TopicPayloads.FromRecord(new HealthRecovery(cleared.AgentId, cleared.Score, cleared.Message)), StoppingToken);
    }

    /// <summary>The key of the check timer.</summary>
    private sealed class CheckTimerKey
    {
        public static CheckTimerKey Instance { get; } = new();
    }

    /// <summary>The check timer fired: score every agent.</summary>
    private sealed class CheckDue
    {
        public static CheckDue Instance { get; } = new();
    }
}
