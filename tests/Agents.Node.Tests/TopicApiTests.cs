using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Agents.Node.Management;
using Agents.Persistence.Topics;

namespace Agents.Node.Tests;

public sealed class TopicApiTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..8];

    private HttpClient Client => fixture.Node.Client;

    [Fact]
    public async Task Publishing_with_the_token_is_accepted_with_the_offset()
    {
        var response = await PublishAsync($"{_run}.orders.created", """{"order":42}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var publication = await response.Content.ReadFromJsonAsync<TopicPublication>();
        Assert.Equal($"{_run}.orders.created", publication!.Topic);
        Assert.Matches("^[0-9]+:[0-9]+$", publication.Offset);
    }

    [Fact]
    public async Task Publishing_without_the_token_is_401()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri($"/api/topics/{_run}.x/events", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Publishing_on_an_invalid_topic_name_is_400_naming_the_position()
    {
        var response = await PublishAsync($"{_run}.orders.*", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"position {_run.Length + 8}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_body_that_is_not_JSON_is_400()
    {
        var response = await PublishAsync($"{_run}.orders.created", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Publishing_a_JSON_string_with_the_null_character_is_400()
    {
        var response = await PublishAsync($"{_run}.orders.created", "\"a\\u0000b\"");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("U+0000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_JSON_value_that_is_not_an_object_is_streamed_back_as_it_was_sent()
    {
        await PublishAsync($"{_run}.scalar", "null");
        await PublishAsync($"{_run}.scalar", "[1,\"two\"]");
        using var stream = await OpenStreamAsync($"pattern={_run}.scalar&fromBeginning=true");

        var first = await stream.NextEventAsync();
        var second = await stream.NextEventAsync();

        Assert.Equal(JsonValueKind.Null, first.GetProperty("payload").ValueKind);
        Assert.Equal("""[1,"two"]""", second.GetProperty("payload").GetRawText());
    }

    [Fact]
    public async Task The_topic_list_counts_the_events_published_on_each_topic()
    {
        await PublishAsync($"{_run}.a", "1");
        await PublishAsync($"{_run}.a", """["x"]""");
        await PublishAsync($"{_run}.b", "{}");

        var topics = await Client.GetFromJsonAsync<TopicSummary[]>(new Uri("/api/topics", UriKind.Relative));

        var mine = topics!.Where(t => t.Topic.StartsWith(_run, StringComparison.Ordinal)).ToArray();
        Assert.Equal([($"{_run}.a", 2L), ($"{_run}.b", 1L)], mine.Select(t => (t.Topic, t.Events)));
    }

    [Fact]
    public async Task The_stream_delivers_a_new_event_matching_the_pattern_and_not_one_that_does_not_match()
    {
        using var stream = await OpenStreamAsync($"pattern={_run}.orders.*");
        await PublishAsync($"{_run}.invoices.created", """{"n":1}""");
        await PublishAsync($"{_run}.orders.created", """{"n":2}""");

        var e = await stream.NextEventAsync();

        Assert.Equal($"{_run}.orders.created", e.GetProperty("topic").GetString());
        Assert.Equal(2, e.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task The_stream_from_the_beginning_replays_earlier_events()
    {
        await PublishAsync($"{_run}.replayed", """{"early":true}""");
        using var stream = await OpenStreamAsync($"pattern={_run}.%23&fromBeginning=true");

        var e = await stream.NextEventAsync();

        Assert.Equal($"{_run}.replayed", e.GetProperty("topic").GetString());
        Assert.True(e.GetProperty("payload").GetProperty("early").GetBoolean());
    }

    [Fact]
    public async Task The_stream_without_fromBeginning_does_not_replay_earlier_events()
    {
        await PublishAsync($"{_run}.old", """{"n":1}""");
        using var stream = await OpenStreamAsync($"pattern={_run}.%23");
        await PublishAsync($"{_run}.new", """{"n":2}""");

        var e = await stream.NextEventAsync();

        Assert.Equal($"{_run}.new", e.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task The_stream_without_fromBeginning_skips_an_earlier_event_committed_while_an_older_transaction_ran()
    {
        await using var older = await fixture.Node.Runtime.DataSource.OpenConnectionAsync();
        await using var transaction = await older.BeginTransactionAsync();
        await using (var takeXid = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", older, transaction))
        {
            await takeXid.ExecuteScalarAsync();
        }

        await PublishAsync($"{_run}.before", """{"n":1}""");
        using var stream = await OpenStreamAsync($"pattern={_run}.%23");
        await PublishAsync($"{_run}.after", """{"n":2}""");
        await transaction.CommitAsync();

        var e = await stream.NextEventAsync();

        Assert.Equal($"{_run}.after", e.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task The_stream_shows_an_event_of_a_registered_type_as_its_JSON()
    {
        await fixture.Node.Runtime.Store.TopicLog.AppendAsync([new TopicRecord($"{_run}.typed", new CounterActor.Added(7), "test")]);
        using var stream = await OpenStreamAsync($"pattern={_run}.typed&fromBeginning=true");

        var e = await stream.NextEventAsync();

        Assert.Equal(7, e.GetProperty("payload").GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task The_stream_ends_with_an_error_event_at_an_event_the_node_cannot_read()
    {
        var schema = fixture.Node.Runtime.Store.Options.Schema;
        await using (var insert = fixture.Node.Runtime.DataSource.CreateCommand($"""
            INSERT INTO "{schema}".topic_events (topic, manifest, version, payload, publisher, created_at)
            VALUES ('{_run}.foreign', 'some.other.service.event', 1, '[]', 'elsewhere', now())
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        using var stream = await OpenStreamAsync($"pattern={_run}.foreign&fromBeginning=true");

        var (name, data) = await stream.NextAsync();
        Assert.Equal("error", name);
        Assert.Contains("some.other.service.event", data.GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pattern=orders.%2A%2A")]
    [InlineData("pattern=orders..created")]
    [InlineData("pattern=orders.%23&fromBeginning=maybe")]
    public async Task A_bad_stream_query_is_400_with_problem_details(string query)
    {
        var response = await Client.GetAsync(new Uri($"/api/topics/stream?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/journal/{persistenceId}")]
    [InlineData("/api/topics")]
    [InlineData("/api/topics/{topic}/events")]
    [InlineData("/api/topics/stream")]
    public async Task The_OpenAPI_document_lists_the_route(string path)
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out _));
    }

    private async Task<HttpResponseMessage> PublishAsync(string topic, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/topics/{topic}/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningNodeFixture.Token);
        return await Client.SendAsync(request);
    }

    private Task<EventStream> OpenStreamAsync(string query) => EventStream.OpenAsync(Client, $"/api/topics/stream?{query}");
}
