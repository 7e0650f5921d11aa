using System.Text.Json;
using Npgsql;

namespace Agents.Cli.Tests;

/// <summary>The agent commands against a real node (with an in-memory agent directory): the shapes the console reads are the node's.</summary>
public sealed class AgentEndToEndTests(RunningNode node) : IClassFixture<RunningNode>
{
    private readonly string _id = "e2e-" + Guid.NewGuid().ToString("N")[..8];

    private Task<ConsoleRun> Run(params string[] args) =>
        ConsoleRun.Against(node.Handler, new Dictionary<string, string>(), CancellationToken.None, args);

    [Fact]
    public async Task An_agent_defined_from_options_is_listed_as_running()
    {
        var define = await Run("agent", "define", "--id", _id, "--type", "recorder", "--subscribe", "training.#", "--token", RunningNode.Token);
        var list = await Run("agent", "list", "--type", "recorder");

        Assert.Equal(0, define.ExitCode);
        Assert.Equal($"defined {_id} (recorder): running", define.Output.TrimEnd());
        var line = Assert.Single(list.Output.Split('\n'), l => l.Contains(_id, StringComparison.Ordinal));
        Assert.Contains("running", line);
    }

    [Fact]
    public async Task An_agent_defined_from_a_conf_file_keeps_its_schedule_and_heartbeat()
    {
        using var folder = new TempFolder();
        var file = folder.Write("agent.conf", $$"""
            id = {{_id}}
            type = recorder
            schedules = [{ name = tick, every = 10s }]
            heartbeat { interval = 5s, timeout = 20s }
            """);

        var define = await Run("agent", "define", "--file", file, "--token", RunningNode.Token);
        var show = await Run("agent", "show", _id, "--json");

        Assert.Equal(0, define.ExitCode);
        var definition = JsonDocument.Parse(show.Output).RootElement.GetProperty("definition");
        Assert.Equal("10s", definition.GetProperty("schedules")[0].GetProperty("every").GetString());
        Assert.Equal("20s", definition.GetProperty("heartbeat").GetProperty("timeout").GetString());
    }

    [Fact]
    public async Task Show_prints_the_agents_last_journal_events()
    {
        await Run("agent", "define", "--id", _id, "--type", "recorder", "--token", RunningNode.Token);
        await InsertEventsAsync($"agent-{_id}", 3);

        var run = await Run("agent", "show", _id, "--events", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"last 2 event(s) of agent-{_id}", run.Output);
        Assert.Single(run.Output.Split('\n'), l => l.Contains("test.decided", StringComparison.Ordinal) && l.Contains("\"n\":3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deactivate_then_activate_round_trips_the_status()
    {
        await Run("agent", "define", "--id", _id, "--type", "recorder", "--token", RunningNode.Token);

        var deactivate = await Run("agent", "deactivate", _id, "--token", RunningNode.Token);
        var activate = await Run("agent", "activate", _id, "--token", RunningNode.Token);

        Assert.Equal($"deactivated {_id}: inactive", deactivate.Output.TrimEnd());
        Assert.Equal($"activated {_id}: running", activate.Output.TrimEnd());
    }

    [Fact]
    public async Task Tell_prints_the_agents_answer()
    {
        await Run("agent", "define", "--id", _id, "--type", "recorder", "--token", RunningNode.Token);

        var run = await Run("agent", "tell", _id, "ping", "--args", """{"n":1}""", "--token", RunningNode.Token);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"{_id} accepted ping: pong", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agent_fails_with_exit_code_1_and_one_line()
    {
        var run = await Run("agent", "restart", _id, "--token", RunningNode.Token);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"agents: not found: No agent has the id '{_id}'", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Define_without_the_token_is_refused_with_exit_code_1()
    {
        var run = await Run("agent", "define", "--id", _id, "--type", "recorder");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: the node requires a token for this: set --token or AGENTS_TOKEN", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_definition_the_node_refuses_prints_the_field()
    {
        var run = await Run("agent", "define", "--id", _id, "--type", "no-such-type", "--token", RunningNode.Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"agent '{_id}', type: 'no-such-type' is not a registered agent type", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Cluster_tail_prints_the_node_as_up_first()
    {
        using var ctrlC = new CancellationTokenSource();
        var output = new LineSignal("member-up", ctrlC.Cancel);
        var console = new AgentsConsole(output, new StringWriter()) { Handler = node.Handler, Environment = _ => null };

        var code = await console.RunAsync(["cluster", "tail"], ctrlC.Token);

        Assert.Equal(0, code);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"member-up  agents://{node.SystemName}", line);
    }

    private async Task InsertEventsAsync(string persistenceId, int count)
    {
        var schema = node.Runtime.Store.Options.Schema;
        await using var command = node.Runtime.DataSource.CreateCommand($"""
            INSERT INTO "{schema}".journal (persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at)
            SELECT $1, n, 'test.decided', 1, jsonb_build_object('n', n), ARRAY[]::text[], 'writer-1', now() FROM generate_series(1, $2) AS n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Output that calls <c>signal</c> once a line containing <c>text</c> is written (Ctrl-C after the first member).</summary>
    private sealed class LineSignal(string text, Action signal) : StringWriter
    {
        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                signal();
            }
            return Task.CompletedTask;
        }
    }
}
