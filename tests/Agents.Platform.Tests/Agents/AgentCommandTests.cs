using Agents.Platform.Agents;
using Xunit.Abstractions;

namespace Agents.Platform.Tests.Agents;

public sealed class AgentCommandTests(ITestOutputHelper output) : AgentBaseTestKit(output)
{
    [Fact]
    public void Every_agent_answers_ping()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"));

        Assert.Equal(new AgentCommandResult("worker", "ping", true, "pong"), Command(agent, "ping"));
    }

    [Fact]
    public void An_unknown_command_is_rejected_with_the_known_ones()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"));

        var result = Command(agent, "dance");

        Assert.False(result.Accepted);
        Assert.Equal("dance", result.Command);
        Assert.Contains("no command 'dance'", result.Message, StringComparison.Ordinal);
        Assert.Contains("ping, start-actions, count-actions, wait-for", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subclass_command_is_answered_by_the_subclass()
    {
        var agent = StartProbeAgent(new AgentDefinition("worker", "probe"));

        var result = Command(agent, ProbeAgent.CountActionsCommand);

        Assert.True(result.Accepted);
        Assert.Equal("counted", result.Message);
    }
}
