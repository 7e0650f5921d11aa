using System.Globalization;
using System.Text.Json;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.AgentTesting;

/// <summary>One validation loss an alarm agent has seen.</summary>
[Manifest("sample.loss-seen")]
public sealed record LossSeen(double Loss);

/// <summary>
/// The example agent of docs/agents.md ("Testing an agent"): it journals every loss published on <c>sample.loss</c>,
/// publishes <c>sample.alarm</c> the first time one exceeds <c>settings.threshold</c>, and answers <c>count</c>.
/// </summary>
public sealed class LossAlarmAgent : AgentBase
{
    private readonly double _threshold;
    private int _seen;
    private bool _alarmed;

    public LossAlarmAgent(AgentDefinition definition)
        : base(definition)
    {
        _threshold = definition.Settings?.GetProperty("threshold").GetDouble() ?? 1.0;
        Recover<LossSeen>(Apply);
    }

    protected override IReadOnlyList<string> KnownCommands => [.. base.KnownCommands, "count"];

    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        var loss = ((JsonPayload)topicEvent.Envelope.Payload).Document.GetProperty("loss").GetDouble();
        var seen = new LossSeen(loss);
        await PersistAndWaitAsync(seen);
        var first = !_alarmed && loss > _threshold;
        Apply(seen);
        if (first)
        {
            await PublishAsync("sample.alarm", new JsonPayload(JsonSerializer.SerializeToElement(new { agent = Id, loss })));
        }
    }

    protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command) => command.Name == "count"
        ? Task.FromResult(Accept(command, _seen.ToString(CultureInfo.InvariantCulture)))
        : base.OnCommandAsync(command);

    private void Apply(LossSeen seen)
    {
        _seen++;
        _alarmed |= seen.Loss > _threshold;
    }
}
