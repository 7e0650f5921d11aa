using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;

namespace Agents.Node.Tests;

public sealed class AgentApiTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private readonly string _run = "a" + Guid.NewGuid().ToString("N")[..8];

    private HttpClient Client => fixture.Node.Client;

    private InMemoryAgentDirectory Directory => fixture.AgentDirectory;

    [Fact]
    public async Task Defining_an_agent_is_201_with_the_agent_and_its_location()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}-1","type":"recorder","subscribes":["training.#"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/agents/{_run}-1", response.Headers.Location?.OriginalString);
        var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("running", agent.GetProperty("status").GetString());
        Assert.Equal(["training.#"], agent.GetProperty("definition").GetProperty("subscribes").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Defining_an_agent_without_the_token_is_401()
    {
        using var content = new StringContent($$"""{"id":"{{_run}}","type":"recorder"}""", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/api/agents", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Directory.GetAsync(_run));
    }

    [Fact]
    public async Task A_definition_reads_durations_as_HOCON_ISO_8601_time_spans_and_milliseconds()
    {
        await PostAsync("/api/agents", $$"""
            {"id":"{{_run}}","type":"recorder","heartbeat":{"interval":"PT5S","timeout":"00:01:00"},
             "schedules":[{"name":"tick","every":"10s"},{"name":"fast","every":250},{"name":"batch","everyEvents":100,"topic":"orders.*"}]}
            """);

        var definition = (await Directory.GetAsync(_run))!.Definition;
        Assert.Equal(new AgentHeartbeat(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)), definition.Heartbeat);
        Assert.Equal(
            [new AgentSchedule("tick", TimeSpan.FromSeconds(10)), new AgentSchedule("fast", TimeSpan.FromMilliseconds(250)), new AgentSchedule("batch", null, 100, "orders.*")],
            definition.Schedules!);
    }

    [Fact]
    public async Task A_definition_keeps_its_settings_object()
    {
        await PostAsync("/api/agents", $$$"""{"id":"{{{_run}}}","type":"recorder","settings":{"threshold":0.9,"mode":"strict"}}""");

        var settings = (await Directory.GetAsync(_run))!.Definition.Settings!.Value;
        Assert.Equal(0.9, settings.GetProperty("threshold").GetDouble());
        Assert.Equal("strict", settings.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Limits_not_given_take_their_defaults()
    {
        await PostAsync("/api/agents", $$$"""{"id":"{{{_run}}}","type":"recorder","limits":{"mailboxCapacity":100}}""");

        Assert.Equal(new AgentLimits(100, 1), (await Directory.GetAsync(_run))!.Definition.Limits);
    }

    [Fact]
    public async Task An_agent_is_answered_with_every_field_of_its_definition_written_out()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var definition = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition");
        Assert.Equal(1, definition.GetProperty("limits").GetProperty("maxConcurrentActions").GetInt32());
        Assert.Equal("10s", definition.GetProperty("heartbeat").GetProperty("interval").GetString());
        Assert.Empty(definition.GetProperty("subscribes").EnumerateArray());
        Assert.Equal(0, definition.GetProperty("priority").GetInt32());
        Assert.Equal("beginning", definition.GetProperty("subscribeFrom").GetString());
    }

    [Fact]
    public async Task A_definition_can_subscribe_from_the_end()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder","subscribes":["x.#"],"subscribeFrom":"end"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Agents.Platform.Topics.SubscriptionStart.End, (await Directory.GetAsync(_run))!.Definition.SubscribeFrom);
    }

    [Fact]
    public async Task A_definition_that_subscribes_from_anywhere_else_is_400_naming_the_field()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder","subscribeFrom":"middle"}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("subscribeFrom", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Directory.GetAsync(_run));
    }

    [Fact]
    public async Task A_definition_without_a_type_is_400_naming_the_field()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}"}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("type", problem.GetProperty("field").GetString());
        Assert.Contains("type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_the_directory_refuses_is_400_with_its_field_and_reason()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"nobody-knows"}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("type", problem.GetProperty("field").GetString());
        Assert.Contains("'nobody-knows' is not a registered agent type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_with_a_bad_duration_is_400_naming_the_schedule_field()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder","schedules":[{"name":"a","every":"5s"},{"name":"b","every":"often"}]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("schedules[1].every", problem.GetProperty("field").GetString());
        Assert.Contains("'often' is not a duration", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_with_a_field_the_api_does_not_know_is_400_naming_it()
    {
        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder","subscribe":["x"]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("subscribe", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Directory.GetAsync(_run));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400()
    {
        var response = await PostAsync("/api/agents", "id = x");

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Defining_an_id_defined_already_is_409()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"echo"}""");

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains($"'{_run}' is defined already", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("recorder", (await Directory.GetAsync(_run))!.Definition.Type);
    }

    [Fact]
    public async Task The_list_filters_by_type_and_by_status_in_any_case()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}-r1","type":"recorder"}""");
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}-r2","type":"recorder","active":false}""");
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}-e1","type":"echo"}""");

        var agents = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/agents?type=recorder&status=RUNNING", UriKind.Relative));

        var ids = agents.EnumerateArray().Select(a => a.GetProperty("definition").GetProperty("id").GetString()).Where(id => id!.StartsWith(_run, StringComparison.Ordinal));
        Assert.Equal([$"{_run}-r1"], ids);
    }

    [Fact]
    public async Task A_status_that_does_not_exist_is_400_naming_the_allowed_values()
    {
        var response = await Client.GetAsync(new Uri("/api/agents?status=sleeping", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("inactive, starting, running, restarting, failed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_is_shown_with_its_definition_status_and_health_in_camel_case()
    {
        Directory.Put(new AgentInfo(
            new AgentDefinition(_run, "recorder", Heartbeat: new AgentHeartbeat(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6))),
            AgentStatus.Failed, new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero), 3, "boom", null));

        var agent = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{_run}", UriKind.Relative));

        Assert.Equal("failed", agent.GetProperty("status").GetString());
        Assert.Equal(3, agent.GetProperty("restarts").GetInt32());
        Assert.Equal("boom", agent.GetProperty("lastFailure").GetString());
        Assert.Equal("2026-11-29T13:00:00+00:00", agent.GetProperty("lastHeartbeat").GetString());
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("node").ValueKind);
        var heartbeat = agent.GetProperty("definition").GetProperty("heartbeat");
        Assert.Equal(("2s", "6s"), (heartbeat.GetProperty("interval").GetString(), heartbeat.GetProperty("timeout").GetString()));
        Assert.Empty(agent.GetProperty("recentEvents").EnumerateArray());
    }

    [Fact]
    public async Task The_list_leaves_out_recent_events()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var agents = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/agents", UriKind.Relative));

        var agent = Assert.Single(agents.EnumerateArray(), a => a.GetProperty("definition").GetProperty("id").GetString() == _run);
        Assert.False(agent.TryGetProperty("recentEvents", out _));
    }

    [Fact]
    public async Task An_agent_is_shown_with_the_last_events_of_its_journal()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");
        var journal = fixture.Node.Runtime.System.ActorOf(CounterActor.Props(AgentNames.PersistenceId(_run)));
        foreach (var amount in new[] { 1, 2, 3 })
        {
            await journal.Ask<int>(new CounterActor.Add(amount));
        }

        var agent = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{_run}?events=2", UriKind.Relative));

        var events = agent.GetProperty("recentEvents").EnumerateArray().ToList();
        Assert.Equal([2L, 3L], events.Select(e => e.GetProperty("sequenceNr").GetInt64()));
        Assert.Equal(3, events[1].GetProperty("payload").GetProperty("amount").GetInt32());
        fixture.Node.Runtime.System.Stop(journal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("1001")]
    public async Task A_bad_count_of_events_is_400(string events)
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await Client.GetAsync(new Uri($"/api/agents/{_run}?events={events}", UriKind.Relative));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_agent_is_404_with_problem_details()
    {
        var response = await Client.GetAsync(new Uri($"/api/agents/{_run}", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains($"No agent has the id '{_run}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_an_agent_answers_it_inactive()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("inactive", agent.GetProperty("status").GetString());
        Assert.False(agent.GetProperty("definition").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Activating_an_inactive_agent_answers_it_running()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder","active":false}""");

        var response = await PostAsync($"/api/agents/{_run}/activate", null);

        var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("running", agent.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Restarting_an_agent_counts_the_restart()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/restart", null);

        var agent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, agent.GetProperty("restarts").GetInt32());
    }

    [Theory]
    [InlineData("activate")]
    [InlineData("deactivate")]
    [InlineData("restart")]
    public async Task Changing_an_unknown_agent_is_404(string action)
    {
        var response = await PostAsync($"/api/agents/{_run}/{action}", null);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changing_an_agent_without_the_token_is_401()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await Client.PostAsync(new Uri($"/api/agents/{_run}/deactivate", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AgentStatus.Running, (await Directory.GetAsync(_run))!.Status);
    }

    [Fact]
    public async Task A_command_the_agent_carries_out_is_200_with_its_answer()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/commands", """{"name":"ping","arguments":{"n":7}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.Equal(7, result.GetProperty("result").GetProperty("arguments").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_command_the_agent_refuses_is_200_with_accepted_false_and_the_reason()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/commands", """{"name":"dance"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("accepted").GetBoolean());
        Assert.Equal("'dance' is not a command of this agent", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_command_waits_as_long_as_its_body_says()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        await PostAsync($"/api/agents/{_run}/commands", """{"name":"ping","timeout":"30s"}""");

        Assert.Contains(Directory.Commands, c => c.AgentId == _run && c.Timeout == TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("11m")]
    [InlineData("soon")]
    public async Task A_command_timeout_out_of_range_is_400_naming_the_field(string timeout)
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/commands", $$"""{"name":"ping","timeout":"{{timeout}}"}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("timeout", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_command_the_agent_does_not_answer_in_time_is_504()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/commands", """{"name":"slow"}""");

        await ProblemAsync(response, HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task A_command_to_an_unknown_agent_is_404()
    {
        var response = await PostAsync($"/api/agents/{_run}/commands", """{"name":"ping"}""");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_command_without_a_name_is_400_naming_the_field()
    {
        await PostAsync("/api/agents", $$"""{"id":"{{_run}}","type":"recorder"}""");

        var response = await PostAsync($"/api/agents/{_run}/commands", """{"arguments":{}}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("name", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_agent_routes()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/agents/{id}/commands", out var commands));
        Assert.True(commands.TryGetProperty("post", out _));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string? json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningNodeFixture.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
