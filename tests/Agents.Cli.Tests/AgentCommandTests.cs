using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

public sealed class AgentCommandTests
{
    internal const string Trainer = """
        {"definition":{"id":"trainer-1","type":"recorder","active":true,"capabilities":["train"],"subscribes":["training.#"],"publishes":["model.convergence.loss"],
          "priority":5,"limits":{"mailboxCapacity":null,"maxConcurrentActions":2},"schedules":[{"name":"tick","every":"10s","everyEvents":null,"topic":null},
          {"name":"batch","every":null,"everyEvents":100,"topic":"orders.*"}],"heartbeat":{"interval":"10s","timeout":"30s"},"settings":{"threshold":0.9}},
         "status":"running","lastHeartbeat":"2026-11-29T12:00:00+00:00","restarts":2,"lastFailure":"out of memory","node":"agents://alpha",
         "recentEvents":[{"sequenceNr":7,"manifest":"agents.decision","timestamp":"2026-11-29T11:59:00Z","tags":[],"writer":"w","payload":{"chose":"stop"}}]}
        """;

    private static readonly string Agents = $$"""
        [{{Trainer.Replace("\"recentEvents\"", "\"ignored\"", StringComparison.Ordinal)}},
         {"definition":{"id":"slot-2","type":"echo","active":false,"capabilities":[],"subscribes":[],"publishes":[],"priority":0,"limits":null,"schedules":[],"heartbeat":null,"settings":null},
          "status":"inactive","lastHeartbeat":null,"restarts":0,"lastFailure":null,"node":null}]
        """;

    private const string Refused = """{"agentId":"trainer-1","command":"dance","accepted":false,"message":"'dance' is not a command of this agent","result":null}""";

    private static StubNode Node() => new StubNode()
        .On("GET /api/agents", HttpStatusCode.OK, Agents)
        .On("GET /api/agents/trainer-1", HttpStatusCode.OK, Trainer)
        .On("GET /api/agents/nobody", HttpStatusCode.NotFound,
            StubNode.Problem(404, "No such agent", "No agent has the id 'nobody'. List the defined agents with GET /api/agents (agents agent list)."),
            "application/problem+json")
        .On("POST /api/agents", HttpStatusCode.Created, Trainer)
        .On("POST /api/agents/trainer-1/deactivate", HttpStatusCode.OK, Trainer.Replace("\"status\":\"running\"", "\"status\":\"inactive\"", StringComparison.Ordinal));

    [Fact]
    public async Task List_shows_each_agent_with_type_status_node_and_restarts()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "list");

        Assert.Equal(0, run.ExitCode);
        var trainer = Assert.Single(run.Output.Split('\n'), line => line.Contains("trainer-1", StringComparison.Ordinal));
        Assert.Contains("recorder", trainer);
        Assert.Contains("running", trainer);
        Assert.Contains("agents://alpha", trainer);
        Assert.Contains("2026-11-29 12:00:00.000Z", trainer);
        Assert.Contains("out of memory", trainer);
        Assert.Contains("inactive", Assert.Single(run.Output.Split('\n'), line => line.Contains("slot-2", StringComparison.Ordinal)));
        Assert.Contains("2 agent(s)", run.Output);
    }

    [Fact]
    public async Task List_sends_the_type_and_status_filters_in_the_query()
    {
        var node = Node();

        await ConsoleRun.Against(node, "agent", "list", "--type", "recorder", "--status", "Running");

        Assert.Equal("?type=recorder&status=Running", node.LastRequest.RequestUri!.Query);
    }

    [Fact]
    public async Task List_json_prints_the_nodes_answer_unchanged()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "list", "--json");

        Assert.Equal(Agents, run.Output.TrimEnd());
    }

    [Fact]
    public async Task Show_prints_the_definition_the_health_and_the_recent_events()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "show", "trainer-1");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains("training.#", Assert.Single(lines, line => line.StartsWith("Subscribes", StringComparison.Ordinal)));
        Assert.Contains("every 10s, failed after 30s", Assert.Single(lines, line => line.StartsWith("Heartbeat", StringComparison.Ordinal)));
        Assert.Contains("tick: every 10s; batch: every 100 event(s) of orders.*", Assert.Single(lines, line => line.StartsWith("Schedules", StringComparison.Ordinal)));
        Assert.Contains("2", Assert.Single(lines, line => line.StartsWith("Restarts", StringComparison.Ordinal)));
        Assert.Contains("{\"chose\":\"stop\"}", Assert.Single(lines, line => line.Contains("agents.decision", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Show_asks_for_as_many_events_as_given()
    {
        var node = Node();

        await ConsoleRun.Against(node, "agent", "show", "trainer-1", "--events", "5");

        Assert.Equal("?events=5", node.LastRequest.RequestUri!.Query);
    }

    [Fact]
    public async Task Show_of_an_unknown_agent_fails_with_the_nodes_one_line_reason()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "show", "nobody");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: not found: No agent has the id 'nobody'. List the defined agents with GET /api/agents (agents agent list).", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Define_from_options_posts_the_definition_with_the_token()
    {
        var node = Node();

        var run = await ConsoleRun.Against(node, "agent", "define", "--id", "trainer-1", "--type", "recorder", "--inactive",
            "--subscribe", "training.#", "--subscribe", "model.*", "--subscribe-from", "end", "--setting", "threshold=0.9", "--setting", "mode=strict", "--token", "t0k");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("defined trainer-1 (recorder): running", run.Output.TrimEnd());
        var (request, body) = node.Requests[^1];
        Assert.Equal("Bearer t0k", request.Headers.Authorization?.ToString());
        Assert.Equal(
            """{"id":"trainer-1","type":"recorder","active":false,"subscribes":["training.#","model.*"],"subscribeFrom":"end","settings":{"threshold":0.9,"mode":"strict"}}""",
            body);
    }

    [Fact]
    public async Task Define_from_a_conf_file_posts_its_fields_as_JSON()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trainer.conf", """
            id = trainer-1
            type = recorder
            subscribes = ["training.#"]
            schedules = [{ name = tick, every = 10s }]
            heartbeat { interval = 5s, timeout = 20s }
            settings { threshold = 0.9 }
            """);
        var node = Node();

        var run = await ConsoleRun.Against(node, "agent", "define", "--file", file);

        Assert.Equal(0, run.ExitCode);
        var body = JsonDocument.Parse(node.Requests[^1].Body!).RootElement;
        Assert.Equal("trainer-1", body.GetProperty("id").GetString());
        Assert.Equal("10s", body.GetProperty("schedules")[0].GetProperty("every").GetString());
        Assert.Equal("20s", body.GetProperty("heartbeat").GetProperty("timeout").GetString());
        Assert.Equal(0.9, body.GetProperty("settings").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Define_from_a_JSON_file_posts_it_as_it_is()
    {
        using var folder = new TempFolder();
        const string definition = """{"id":"trainer-1","type":"recorder","priority":3}""";
        var file = folder.Write("trainer.json", definition);
        var node = Node();

        await ConsoleRun.Against(node, "agent", "define", "--file", file);

        Assert.Equal(definition, node.Requests[^1].Body);
    }

    [Fact]
    public async Task Define_from_a_file_of_another_kind_fails_without_asking_the_node()
    {
        using var folder = new TempFolder();
        var file = folder.Write("trainer.yaml", "id: trainer-1");
        var node = Node();

        var run = await ConsoleRun.Against(node, "agent", "define", "--file", file);

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("give a .json file, or a .conf file in HOCON", Assert.Single(run.ErrorLines));
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task Define_with_a_file_and_an_id_is_a_usage_error()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "define", "--file", "x.json", "--id", "trainer-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--file cannot be combined with --id", run.Error);
    }

    [Fact]
    public async Task Define_without_a_file_needs_an_id_and_a_type()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "define", "--id", "trainer-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--id ID and --type TYPE", run.Error);
    }

    [Fact]
    public async Task Define_of_an_id_defined_already_prints_the_conflict()
    {
        var node = new StubNode().On("POST /api/agents", HttpStatusCode.Conflict,
            StubNode.Problem(409, "The agent is defined already", "An agent with the id 'trainer-1' is defined already"));

        var run = await ConsoleRun.Against(node, "agent", "define", "--id", "trainer-1", "--type", "recorder");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: conflict: An agent with the id 'trainer-1' is defined already", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Define_with_a_setting_that_is_not_key_value_fails_without_asking_the_node()
    {
        var node = Node();

        var run = await ConsoleRun.Against(node, "agent", "define", "--id", "a", "--type", "recorder", "--setting", "threshold");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: --setting 'threshold' is not key=value", Assert.Single(run.ErrorLines));
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task Deactivate_prints_the_agents_new_status()
    {
        var run = await ConsoleRun.Against(Node(), "agent", "deactivate", "trainer-1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("deactivated trainer-1: inactive", run.Output.TrimEnd());
    }

    [Fact]
    public async Task Tell_prints_the_agents_answer_and_its_result()
    {
        var node = new StubNode().On("POST /api/agents/trainer-1/commands", HttpStatusCode.OK,
            """{"agentId":"trainer-1","command":"evaluate","accepted":true,"message":"evaluating run 7","result":{"queued":true}}""");

        var run = await ConsoleRun.Against(node, "agent", "tell", "trainer-1", "evaluate", "--args", """{"run": 7}""", "--wait", "30");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["trainer-1 accepted evaluate: evaluating run 7", """{"queued":true}"""], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("""{"name":"evaluate","arguments":{"run":7},"timeout":"30s"}""", node.Requests[^1].Body);
    }

    [Fact]
    public async Task Tell_of_a_command_the_agent_refuses_exits_1_with_its_reason()
    {
        var node = new StubNode().On("POST /api/agents/trainer-1/commands", HttpStatusCode.OK, Refused);

        var run = await ConsoleRun.Against(node, "agent", "tell", "trainer-1", "dance");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("agents: trainer-1 refused dance: 'dance' is not a command of this agent", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Tell_with_arguments_that_are_not_JSON_fails_without_asking_the_node()
    {
        var node = new StubNode();

        var run = await ConsoleRun.Against(node, "agent", "tell", "trainer-1", "evaluate", "--args", "{run: 7");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agents: --args is not JSON", Assert.Single(run.ErrorLines));
        Assert.Empty(node.Requests);
    }

    [Fact]
    public async Task Tell_that_the_agent_does_not_answer_in_time_prints_the_nodes_reason()
    {
        var node = new StubNode().On("POST /api/agents/trainer-1/commands", HttpStatusCode.GatewayTimeout,
            StubNode.Problem(504, "The agent did not answer in time", "Agent 'trainer-1' did not answer within 5 s."));

        var run = await ConsoleRun.Against(node, "agent", "tell", "trainer-1", "evaluate");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("Agent 'trainer-1' did not answer within 5 s.", Assert.Single(run.ErrorLines));
    }
}
