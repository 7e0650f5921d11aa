using System.Globalization;
using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Library.Health;

/// <summary>
/// The agent type <c>performance-monitor</c>: it ingests the metrics published on <c>metrics.#</c> (payload
/// <c>{ value, at? }</c>; the metric's name is the topic after <c>metrics.</c>), keeps rolling statistics per metric
/// over a sliding window, and flags anomalies (<see cref="MetricAnomalyDetector"/>: an isolation forest, or the robust
/// z-score while the history is short), publishing <c>anomaly.detected</c> once per anomalous value.
/// </summary>
/// <remarks>
/// <para><b>Bounded pipeline.</b> The monitor reads metrics through its durable subscription, analyses each one in its
/// own turn and acknowledges it only after that; the topic service keeps at most its in-flight window
/// (<c>agents.topics.max-in-flight</c>) of unacknowledged events per subscription and reads no further until acks
/// come back. A burst therefore waits in the topic log, not in memory: the monitor holds at most the in-flight window
/// in its mailbox and one window of values per metric.</para>
/// <para>Anomalies are decisions: each is journaled (<see cref="AnomalyDetected"/>) before it is published, and a
/// redelivered event whose value was flagged already (same topic offset) is not published again. The windows are kept
/// in memory; after a restart they fill again, judged by the robust z-score meanwhile.</para>
/// <para>Commands: <c>stats</c> answers the rolling statistics per metric (<see cref="MetricStatistics"/>), and
/// <c>ping</c> as every agent.</para>
/// </remarks>
public sealed class PerformanceMonitorAgent : AgentBase
{
    /// <summary>The type name the agent is registered under.</summary>
    /// <value><c>performance-monitor</c></value>
    public const string TypeName = "performance-monitor";

    /// <summary>The topic pattern the monitor always subscribes to.</summary>
    /// <value><c>metrics.#</c></value>
    public const string MetricsPattern = "metrics.#";

    /// <summary>The topic anomalies are published on.</summary>
    /// <value><c>anomaly.detected</c></value>
    public const string AnomalyTopic = "anomaly.detected";

    /// <summary>The command that answers the rolling statistics.</summary>
    /// <value><c>stats</c></value>
    public const string StatsCommand = "stats";

    /// <summary>How many flagged offsets the monitor remembers to recognise redeliveries.</summary>
    /// <value>1024.</value>
    public const int RememberedAnomalies = 1024;

    private const string MetricsPrefix = "metrics.";

    private readonly PerformanceMonitorSettings _settings;
    private readonly SortedDictionary<string, MetricAnomalyDetector> _detectors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flagged = new(StringComparer.Ordinal);
    private readonly Queue<string> _flaggedOrder = new();

    /// <summary>Creates the monitor of <paramref name="definition"/>.</summary>
    /// <exception cref="AgentDefinitionException">The definition or a setting is invalid.</exception>
    public PerformanceMonitorAgent(AgentDefinition definition)
        : base(WithMetricsSubscription(definition))
    {
        _settings = PerformanceMonitorSettings.From(definition);
        Recover<AnomalyDetected>(detected => Remember(detected.Offset));
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> KnownCommands => [.. base.KnownCommands, StatsCommand];

    /// <summary>
    /// Registers the <c>performance-monitor</c> type in <paramref name="registry"/>. Its props check the definition and
    /// the settings, so a bad one is refused when the props are made.
    /// </summary>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(WithMetricsSubscription(definition));
            PerformanceMonitorSettings.From(definition);
            return WithMailboxLimit(Props.Create(() => new PerformanceMonitorAgent(definition)), definition);
        });
    }

    /// <summary><paramref name="definition"/> with <c>metrics.#</c> among its subscriptions.</summary>
    internal static AgentDefinition WithMetricsSubscription(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var subscribes = definition.Subscribes ?? [];
        return subscribes.Contains(MetricsPattern, StringComparer.Ordinal)
            ? definition
            : definition with { Subscribes = [.. subscribes, MetricsPattern] };
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        ArgumentNullException.ThrowIfNull(topicEvent);
        var envelope = topicEvent.Envelope;
        if (!envelope.Topic.StartsWith(MetricsPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var offset = envelope.Offset.ToString();
        var payload = TopicPayloads.ToJson(envelope.Payload);
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("value", out var element)
            || element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            HealthLog.PayloadIgnored(Log, Id, envelope.Topic, offset, "a metric's payload is { \"value\": <finite number>, \"at\"?: <time> }");
            return;
        }

        var metric = envelope.Topic[MetricsPrefix.Length..];
        if (!_detectors.TryGetValue(metric, out var detector))
        {
            detector = new MetricAnomalyDetector(_settings);
            _detectors[metric] = detector;
        }

        if (detector.Observe(value) is not { IsAnomaly: true } verdict || _flagged.Contains(offset))
        {
            return;
        }

        var detected = new AnomalyDetected(metric, value, verdict.Score, verdict.Method, verdict.Window, offset, Now);
        await PersistAndWaitAsync(detected);
        Remember(offset);
        HealthLog.AnomalyDetected(Log, Id, metric, value, verdict.Method, verdict.Score, verdict.Window);
        await PublishAsync(AnomalyTopic, TopicPayloads.FromRecord(new AnomalyReport(metric, value, verdict.Score, verdict.Method, verdict.Window)), StoppingToken);
    }

    /// <inheritdoc />
    protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!string.Equals(command.Name, StatsCommand, StringComparison.Ordinal))
        {
            return base.OnCommandAsync(command);
        }

        var stats = _detectors.ToDictionary(d => d.Key, d => d.Value.Statistics, StringComparer.Ordinal);
        var result = JsonSerializer.SerializeToElement(stats, JsonSerializerOptions.Web);
        return Task.FromResult(Accept(command,
            $"Rolling statistics of {stats.Count.ToString(CultureInfo.InvariantCulture)} metrics over windows of {_settings.Window.ToString(CultureInfo.InvariantCulture)} values.",
            result));
    }

    private void Remember(string offset)
    {
        if (!_flagged.Add(offset))
        {
            return;
        }

        _flaggedOrder.Enqueue(offset);
        while (_flaggedOrder.Count > RememberedAnomalies)
        {
            _flagged.Remove(_flaggedOrder.Dequeue());
        }
    }
}
