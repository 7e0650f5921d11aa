using System.Text.Json;
using Agents.Actors;
using Agents.Library.Optimization;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Optimization;

/// <summary>
/// Optimizer agent tests: the public <see cref="AgentTestKit"/>, a probe subscribed live to what the optimizer
/// publishes, and a directory double that records launched runs. Each start has a host probe of its own, so that an
/// earlier incarnation's heartbeats do not reach the next one's.
/// </summary>
public abstract class OptimizerTestKit : AgentTestKit
{
    protected static readonly TimeSpan TrialTimeout = TimeSpan.FromMinutes(60);

    protected OptimizerTestKit(ITestOutputHelper output)
        : base(output, [typeof(HyperparameterOptimizerAgent).Assembly])
    {
        Published = WatchTopics("training.start", "optimization.#");
    }

    internal RecordingDirectory Directory { get; } = new();

    /// <summary>Receives what is published on <c>training.start</c> and <c>optimization.#</c>.</summary>
    protected TestProbe Published { get; }

    protected static AgentDefinition Optimizer(string settings, string id = "opt") => new(id, HyperparameterOptimizerAgent.TypeName, Settings: Json(settings));

    /// <summary>Settings with a 2-D space, a 60-minute trial timeout and the given extra fields.</summary>
    protected static string Settings(string extra) =>
        $$"""
        { "space": { "lr": { "kind": "log_uniform", "low": 0.0001, "high": 0.1 }, "dropout": { "kind": "uniform", "low": 0, "high": 0.5 } },
          "trial-timeout": "60m", "seed": 7, {{extra}} }
        """;

    /// <summary>Starts the optimizer of <paramref name="definition"/> under a host and returns it once it has started.</summary>
    protected IActorRef Start(AgentDefinition definition)
    {
        // A probe per host: an earlier incarnation's heartbeats must not reach this one's.
        var host = CreateTestProbe();
        Sys.ActorOf(ProbeParent.Props(Props.Create(() => new HyperparameterOptimizerAgent(definition, Directory)), definition.Id, host.Ref));
        var agent = host.ExpectMsg<ChildCreated>().Child;
        host.FishForMessage<AgentStarted>(started => started.AgentId == definition.Id);
        return agent;
    }

    /// <summary>Stops <paramref name="agent"/> (its host with it) and waits until it is gone.</summary>
    protected void StopAgent(IActorRef agent)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(agent);
        Sys.Stop(agent);
        watcher.ExpectTerminated(agent);
    }

    /// <summary>The next event on <paramref name="topic"/> that the probe receives, skipping others.</summary>
    protected JsonElement Next(string topic)
    {
        var received = Published.FishForMessage<TopicEvent>(e => e.Envelope.Topic == topic);
        return Assert.IsType<JsonPayload>(received.Envelope.Payload).Document;
    }

    protected Task ReportAsync(string json) => Topics.PublishAsync("training.complete", new JsonPayload(Json(json)), "runner");

    protected Task CompleteAsync(int trial, double score, string optimizationId = "opt", string status = "completed") =>
        ReportAsync($$"""{ "runId": "{{optimizationId}}-trial-{{trial}}", "optimizationId": "{{optimizationId}}", "trial": {{trial}}, "status": "{{status}}", "score": {{score}} }""");

    protected JsonElement Status(IActorRef agent)
    {
        var caller = CreateTestProbe();
        agent.Tell(new AgentCommand(HyperparameterOptimizerAgent.StatusCommand), caller.Ref);
        var result = caller.ExpectMsg<AgentCommandResult>();
        Assert.True(result.Accepted, result.Message);
        return result.Result!.Value;
    }

}
