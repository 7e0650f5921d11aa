using System.Text.Json;

namespace Agents.Cli.Tests;

/// <summary>The console driving a node's real agent platform: define, publish, tell, restart.</summary>
public sealed class AgentPlatformEndToEndTests(RunningPlatformNode node) : IClassFixture<RunningPlatformNode>
{
    // Only stops a hang; each wait ends as soon as the node shows what is expected.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _id = "cli-" + Guid.NewGuid().ToString("N")[..8];

    private Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.Against(node.Handler, new Dictionary<string, string>(), CancellationToken.None, args);

    [Fact]
    public async Task A_recorder_defined_from_the_console_records_what_is_published_and_keeps_it_across_a_restart()
    {
        var define = await Run("agent", "define", "--id", _id, "--type", "recorder", "--subscribe", $"{_id}.#", "--token", RunningNode.Token);
        Assert.Equal(0, define.ExitCode);
        await UntilAsync(async () => Status(await Run("agent", "show", _id, "--json")) == "running");

        var publish = await Run("topic", "publish", $"{_id}.loss", """{"loss": 0.25}""", "--token", RunningNode.Token);
        Assert.Equal(0, publish.ExitCode);
        await UntilAsync(async () => Recorded(await Run("agent", "tell", _id, "recent", "--json", "--token", RunningNode.Token)) == 1);

        var restart = await Run("agent", "restart", _id, "--token", RunningNode.Token);
        Assert.Equal(0, restart.ExitCode);
        await UntilAsync(async () => Status(await Run("agent", "show", _id, "--json")) == "running");
        var recent = await Run("agent", "tell", _id, "recent", "--json", "--token", RunningNode.Token);

        Assert.Equal(1, Recorded(recent));
    }

    [Fact]
    public async Task Telling_an_unknown_agent_fails_with_one_line()
    {
        var run = await Run("agent", "tell", _id, "recent", "--token", RunningNode.Token);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(_id, Assert.Single(run.ErrorLines));
    }

    private static string? Status(ConsoleRun show) =>
        show.ExitCode == 0 ? JsonDocument.Parse(show.Output).RootElement.GetProperty("status").GetString() : null;

    private static int Recorded(ConsoleRun tell) =>
        tell.ExitCode == 0 ? JsonDocument.Parse(tell.Output).RootElement.GetProperty("result").GetArrayLength() : -1;

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
