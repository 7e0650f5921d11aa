using System.Text.Json;
using Agents.Actors;
using Agents.Library.Training;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Training;

/// <summary>
/// The kit of the training agent tests: the public <see cref="AgentTestKit"/> with the library's agent types, plus
/// the training job's side (epochs published as a real job would).
/// </summary>
public abstract class TrainingTestKit(ITestOutputHelper output) : AgentTestKit(output, [typeof(TrainingRunAgent).Assembly])
{
    private static readonly JsonSerializerOptions s_epochJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal AgentTypeRegistry Types { get; } = AgentLibrary.Register(new AgentTypeRegistry());

    /// <summary>Starts the agent <paramref name="definition"/> describes and returns it once it runs.</summary>
    internal IActorRef Start(AgentDefinition definition) => StartAgent(definition, Types);

    /// <summary>Stops the agent and starts a new incarnation of it, which recovers from the journal.</summary>
    internal IActorRef Restart(AgentDefinition definition)
    {
        StopAgent(definition.Id);
        return Start(definition);
    }

    /// <summary>Lets virtual time pass one <paramref name="interval"/> at a time, <paramref name="times"/> times.</summary>
    internal void Tick(int times, TimeSpan? interval = null)
    {
        for (var i = 0; i < times; i++)
        {
            Advance(interval ?? TimeSpan.FromSeconds(1));
        }

        Settle();
    }

    /// <summary>The payloads published on <paramref name="topic"/> so far, oldest first.</summary>
    internal async Task<List<JsonElement>> PayloadsAsync(string topic) => [.. (await PublishedAsync(topic)).Select(e => e.Payload)];

    /// <summary>The topics of every event published so far, in log order.</summary>
    internal async Task<List<string>> TopicsAsync() => [.. (await PublishedAsync("#")).Select(e => e.Topic)];

    /// <summary>Publishes an epoch of <paramref name="runId"/> as a real job would, through the topic service.</summary>
    internal Task PublishEpochAsync(string runId, int epoch, double trainingLoss, double validationLoss, double accuracy = 0.8) =>
        Topics.PublishAsync(TrainingTopics.EpochComplete, new JsonPayload(JsonSerializer.SerializeToElement(
            new { runId, epoch, trainingLoss, validationLoss, accuracy }, s_epochJson)), "job");
}
