using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agents.Actors;
using Npgsql;

namespace Agents.Node.Tests;

public sealed class JournalApiTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private HttpClient Client => fixture.Node.Client;

    [Fact]
    public async Task Events_persisted_by_an_actor_are_shown_with_their_payload_JSON()
    {
        var id = "counter-" + Guid.NewGuid().ToString("N");
        var counter = fixture.Node.Runtime.System.ActorOf(CounterActor.Props(id));
        await counter.Ask<int>(new CounterActor.Add(5));

        var page = await GetPageAsync($"/api/journal/{id}");

        var e = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal(id, page.GetProperty("persistenceId").GetString());
        Assert.Equal(1, e.GetProperty("sequenceNr").GetInt64());
        Assert.Equal("test.counter.added", e.GetProperty("manifest").GetString());
        Assert.Equal(5, e.GetProperty("payload").GetProperty("amount").GetInt32());
        fixture.Node.Runtime.System.Stop(counter);
    }

    [Fact]
    public async Task An_event_whose_manifest_the_node_does_not_know_is_shown_as_its_JSON()
    {
        var id = await InsertEventsAsync(1, manifest: "some.other.service.event", payload: """{"colour":"green"}""");

        var page = await GetPageAsync($"/api/journal/{id}");

        var e = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal("some.other.service.event", e.GetProperty("manifest").GetString());
        Assert.Equal("green", e.GetProperty("payload").GetProperty("colour").GetString());
        Assert.Equal(["audit"], e.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("writer-1", e.GetProperty("writer").GetString());
    }

    [Fact]
    public async Task From_and_max_select_a_page_of_events()
    {
        var id = await InsertEventsAsync(5);

        var page = await GetPageAsync($"/api/journal/{id}?from=2&max=2");

        Assert.Equal([2L, 3L], page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequenceNr").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_persistence_id_has_an_empty_list_of_events()
    {
        var page = await GetPageAsync("/api/journal/nobody-" + Guid.NewGuid().ToString("N"));

        Assert.Empty(page.GetProperty("events").EnumerateArray());
    }

    [Theory]
    [InlineData("from=0")]
    [InlineData("from=x")]
    [InlineData("max=0")]
    [InlineData("max=-3")]
    public async Task A_bad_number_is_a_bad_request_with_problem_details(string query)
    {
        var response = await Client.GetAsync(new Uri($"/api/journal/anyone?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Stores events as another service's node would: rows in the journal, whatever their manifest.</summary>
    private async Task<string> InsertEventsAsync(int count, string manifest = "test.counter.added", string payload = """{"amount":1}""")
    {
        var id = "raw-" + Guid.NewGuid().ToString("N");
        var schema = fixture.Node.Runtime.Store.Options.Schema;
        await using var command = fixture.Node.Runtime.DataSource.CreateCommand($"""
            INSERT INTO "{schema}".journal (persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at)
            SELECT $1, n, $2, 1, $3::jsonb, ARRAY['audit'], 'writer-1', now() FROM generate_series(1, $4) AS n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = manifest });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
