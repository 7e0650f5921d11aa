using System.Collections.Concurrent;
using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentActionTests : AgentBaseTestKit
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<object?>> _releases = new();

    public AgentActionTests(ITestOutputHelper output)
        : base(output) =>
        Started = CreateTestProbe("started");

    /// <summary>Sees the names of the actions whose work started.</summary>
    private TestKit.TestProbe Started { get; }

    [Fact]
    public void An_action_runs_off_the_turn_and_its_result_comes_back_as_a_message()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"), actionWork: Work);

        Command(agent, ProbeAgent.StartActionsCommand, """["fetch"]""");
        Assert.Equal("fetch", Started.ExpectMsg<string>());
        Assert.Equal(new ActionCounts(1, 0), Counts(agent));
        Release("fetch", 42);

        var completed = Reports.ExpectMsg<AgentActionCompleted>();
        Assert.Equal(("fetch", (object?)42), (completed.Name, completed.Result));
    }

    [Fact]
    public void Actions_beyond_the_limit_wait_for_a_running_one_to_finish()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe", Limits: new AgentLimits(MaxConcurrentActions: 2)), actionWork: Work);

        Command(agent, ProbeAgent.StartActionsCommand, """["a", "b", "c"]""");
        var first = new[] { Started.ExpectMsg<string>(), Started.ExpectMsg<string>() };
        Assert.Equal(["a", "b"], first.Order());
        Assert.Equal(new ActionCounts(2, 1), Counts(agent));
        Release("a", null);

        Assert.Equal("a", Reports.ExpectMsg<AgentActionCompleted>().Name);
        Assert.Equal("c", Started.ExpectMsg<string>());
        Assert.Equal(new ActionCounts(2, 0), Counts(agent));
    }

    [Fact]
    public void A_failed_action_comes_back_as_a_failure()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"), actionWork: (_, _) => throw new TimeoutException("no answer"));

        Command(agent, ProbeAgent.StartActionsCommand, """["call"]""");

        var failed = Reports.ExpectMsg<AgentActionFailed>();
        Assert.Equal(("call", "no answer"), (failed.Name, failed.Cause.Message));
        Assert.Equal(new ActionCounts(0, 0), Counts(agent));
    }

    [Fact]
    public void Running_actions_are_cancelled_when_the_agent_stops()
    {
        var cancelled = CreateTestProbe();
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"), actionWork: async (name, token) =>
        {
            Started.Ref.Tell(name);
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.Ref.Tell("cancelled " + name);
                throw;
            }

            return null;
        });
        Command(agent, ProbeAgent.StartActionsCommand, """["watch"]""");
        Started.ExpectMsg<string>();

        Sys.Stop(agent);

        Assert.Equal("cancelled watch", cancelled.ExpectMsg<string>());
    }

    [Fact]
    public void A_wait_for_an_event_in_an_action_delegates_to_the_topic_service_and_ends_when_the_agent_stops()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"));

        Command(agent, ProbeAgent.WaitForCommand, "\"model.*\"");
        AwaitCondition(() => !TopicService.Waits.IsEmpty);
        var wait = Assert.Single(TopicService.Waits);
        Assert.Equal(("model.*", TimeSpan.FromMinutes(1)), (wait.Pattern, wait.Timeout));
        Watch(agent);
        Sys.Stop(agent);
        ExpectTerminated(agent);

        Assert.True(wait.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void The_event_an_action_waited_for_is_its_result()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"));
        Command(agent, ProbeAgent.WaitForCommand, "\"model.*\"");
        AwaitCondition(() => !TopicService.Waits.IsEmpty);
        var envelope = Envelope(3, "model.saved");

        Assert.Single(TopicService.Waits).Result.SetResult(envelope);

        Assert.Same(envelope, Reports.ExpectMsg<AgentActionCompleted>().Result);
    }

    private async Task<object?> Work(string name, CancellationToken token)
    {
        var release = _releases.GetOrAdd(name, _ => new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        Started.Ref.Tell(name);
        return await release.Task.WaitAsync(token);
    }

    private void Release(string name, object? result) =>
        _releases.GetOrAdd(name, _ => new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult(result);

    private ActionCounts Counts(IActorRef agent) =>
        Command(agent, ProbeAgent.CountActionsCommand).Result!.Value.Deserialize<ActionCounts>(JsonSerializerOptions.Web)!;
}
