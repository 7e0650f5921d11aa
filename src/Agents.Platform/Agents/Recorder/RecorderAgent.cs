using System.Globalization;
using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents.Recorder;

/// <summary>
/// The built-in agent type <c>recorder</c>: it journals every topic event it receives as a <see cref="RecordedEvent"/>
/// and keeps the last ones in memory (setting <c>keep</c>, default <see cref="DefaultKeep"/>), rebuilt from its
/// journal (and a <see cref="RecorderSnapshot"/> saved every <c>keep</c> events) after a restart. Operators use it to see what reaches an agent; the end-to-end tests use it as a probe.
/// </summary>
/// <remarks>
/// Commands: <c>recent</c> answers the kept events as a JSON array, oldest first (argument <c>count</c> limits it to the
/// newest ones); <c>publish</c> publishes <c>payload</c> (any JSON) on <c>topic</c> as a <see cref="JsonPayload"/>;
/// <c>fail</c> throws, to exercise supervision; and <c>ping</c>, as every agent.
/// </remarks>
public sealed class RecorderAgent : AgentBase
{
    /// <summary>The type name the recorder is registered under.</summary>
    /// <value><c>recorder</c></value>
    public const string TypeName = "recorder";

    /// <summary>How many events the recorder keeps when its settings do not say.</summary>
    /// <value>100</value>
    public const int DefaultKeep = 100;

    /// <summary>The command that answers the kept events.</summary>
    /// <value><c>recent</c></value>
    public const string RecentCommand = "recent";

    /// <summary>The command that publishes a JSON payload.</summary>
    /// <value><c>publish</c></value>
    public const string PublishCommand = "publish";

    /// <summary>The command that makes the recorder fail.</summary>
    /// <value><c>fail</c></value>
    public const string FailCommand = "fail";

    private readonly int _keep;
    private readonly Queue<RecordedEvent> _recent = new();
    private int _sinceSnapshot;

    /// <summary>Creates the recorder that <paramref name="definition"/> describes.</summary>
    /// <param name="definition">Its definition; <c>settings.keep</c> is how many events it keeps.</param>
    /// <exception cref="AgentDefinitionException">The definition or the <c>keep</c> setting is invalid.</exception>
    public RecorderAgent(AgentDefinition definition)
        : base(definition)
    {
        _keep = ReadKeep(definition);
        Recover<SnapshotOffer>(offer => Restore((RecorderSnapshot)offer.Snapshot), offer => offer.Snapshot is RecorderSnapshot);
        Recover<RecordedEvent>(recorded =>
        {
            Keep(recorded);
            _sinceSnapshot++;
        });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(failure => AgentLog.RecorderSnapshotFailed(Log, Id, failure.Metadata.SequenceNr, failure.Cause));
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> KnownCommands => [.. base.KnownCommands, RecentCommand, PublishCommand, FailCommand];

    /// <summary>
    /// Registers the <c>recorder</c> type in <paramref name="registry"/>. Its props check the definition (so a bad one is
    /// refused when the props are made) and carry the definition's mailbox bound.
    /// </summary>
    /// <param name="registry">The node's agent types.</param>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(definition);
            ReadKeep(definition);
            return WithMailboxLimit(Props.Create(() => new RecorderAgent(definition)), definition);
        });
    }

    /// <summary>How many events <paramref name="definition"/> tells a recorder to keep.</summary>
    /// <exception cref="AgentDefinitionException"><c>settings</c> is not an object, or <c>settings.keep</c> is not a whole number of at least 1.</exception>
    internal static int ReadKeep(AgentDefinition definition)
    {
        if (definition.Settings is not { } settings || settings.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return DefaultKeep;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new AgentDefinitionException(definition.Id, "settings",
                $"a recorder's settings are an object such as {{ \"keep\": 100 }}, not a {settings.ValueKind.ToString().ToLowerInvariant()}.");
        }

        if (!settings.TryGetProperty("keep", out var keep))
        {
            return DefaultKeep;
        }

        if (keep.ValueKind != JsonValueKind.Number || !keep.TryGetInt32(out var count) || count < 1)
        {
            throw new AgentDefinitionException(definition.Id, "settings.keep",
                $"{keep.GetRawText()} is not a number of events to keep: give a whole number of at least 1 (default {DefaultKeep.ToString(CultureInfo.InvariantCulture)}).");
        }

        return count;
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        ArgumentNullException.ThrowIfNull(topicEvent);
        var recorded = RecordedEvent.From(topicEvent.SubscriptionId, topicEvent.Envelope);
        await PersistAndWaitAsync(recorded);
        Keep(recorded);
        if (++_sinceSnapshot >= _keep)
        {
            SaveSnapshot(new RecorderSnapshot([.. _recent]));
            _sinceSnapshot = 0;
        }
    }

    /// <inheritdoc />
    protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Name switch
        {
            RecentCommand => Task.FromResult(Recent(command)),
            PublishCommand => PublishPayloadAsync(command),
            FailCommand => throw new InvalidOperationException(
                $"Recorder '{Id}' fails because it was told to (command '{FailCommand}'), to exercise supervision."),
            _ => base.OnCommandAsync(command),
        };
    }

    private void Restore(RecorderSnapshot snapshot)
    {
        _recent.Clear();
        foreach (var recorded in snapshot.Events)
        {
            Keep(recorded);
        }

        _sinceSnapshot = 0;
    }

    private void Keep(RecordedEvent recorded)
    {
        _recent.Enqueue(recorded);
        while (_recent.Count > _keep)
        {
            _recent.Dequeue();
        }
    }

    private AgentCommandResult Recent(AgentCommand command)
    {
        var count = _recent.Count;
        if (command.Arguments is { ValueKind: JsonValueKind.Object } arguments && arguments.TryGetProperty("count", out var requested))
        {
            if (requested.ValueKind != JsonValueKind.Number || !requested.TryGetInt32(out count) || count < 0)
            {
                return Reject(command, $"count {requested.GetRawText()} is not a number of events: give a whole number of at least 0, or leave it out for all kept events.");
            }
        }

        var events = _recent.Skip(Math.Max(0, _recent.Count - count)).ToArray();
        var result = JsonSerializer.SerializeToElement(events, JsonSerializerOptions.Web);
        return Accept(command, $"{events.Length.ToString(CultureInfo.InvariantCulture)} of {_recent.Count.ToString(CultureInfo.InvariantCulture)} kept events (keeps up to {_keep.ToString(CultureInfo.InvariantCulture)}).", result);
    }

    private async Task<AgentCommandResult> PublishPayloadAsync(AgentCommand command)
    {
        const string usage = "give the arguments { \"topic\": \"some.topic\", \"payload\": <any JSON> }.";
        if (command.Arguments is not { ValueKind: JsonValueKind.Object } arguments)
        {
            return Reject(command, $"publish needs arguments: {usage}");
        }

        if (!arguments.TryGetProperty("topic", out var topicElement) || topicElement.ValueKind != JsonValueKind.String)
        {
            return Reject(command, $"publish needs a topic (a string): {usage}");
        }

        var topic = topicElement.GetString()!;
        if (!TopicName.TryParse(topic, out _, out var error))
        {
            return Reject(command, error);
        }

        if (!arguments.TryGetProperty("payload", out var payload))
        {
            return Reject(command, $"publish needs a payload: {usage}");
        }

        var stored = await PublishAsync(topic, new JsonPayload(payload.Clone()));
        var result = JsonSerializer.SerializeToElement(
            new Dictionary<string, object>
            {
                ["topic"] = stored.Topic,
                ["offset"] = stored.Offset.ToString(),
                ["deliveryId"] = stored.DeliveryId,
            },
            JsonSerializerOptions.Web);
        return Accept(command, $"Published on '{stored.Topic}' at offset {stored.Offset}.", result);
    }
}
