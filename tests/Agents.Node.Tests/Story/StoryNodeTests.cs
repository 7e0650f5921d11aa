using System.Net;
using Agents.Node.Story;
using Agents.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Node.Tests.Story;

/// <summary>A node with the story on, over PostgreSQL: events published through the API become story lines.</summary>
public sealed class StoryNodeTests : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    // Only stops a hang; the wait ends as soon as the line is written.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly PostgresDatabaseFixture _database;
    private readonly string _directory = Directory.CreateTempSubdirectory("agents-story-").FullName;
    private readonly StringWriter _output = new();

    // TextWriter.Synchronized locks the returned writer for each call; reading under the same lock sees whole lines.
    private readonly TextWriter _synchronized;

    public StoryNodeTests(PostgresDatabaseFixture database)
    {
        _database = database;
        _synchronized = TextWriter.Synchronized(_output);
    }

    private Dictionary<string, string> Environment => new() { ["AGENTS_PG"] = _database.ConnectionString };

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_node_with_the_story_on_tells_the_events_published_through_the_api()
    {
        await using var node = await StartAsync("agents.node.story = on");

        await PublishAsync(node, "training.early_stop",
            """{"runId":"api-run","reason":"overfitting_detected","bestEpoch":27,"epoch":37,"bestValidationLoss":0.412}""");
        await PublishAsync(node, "optimization.complete", """{"optimizationId":"api-hpo","trials":12,"bestTrial":7,"bestScore":0.287}""");

        var told = await UntilWrittenAsync("optimization api-hpo complete");
        Assert.Contains("run api-run: early stop at epoch 37 (validation loss rising since epoch 27; best 0.412 at epoch 27)", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_the_story_on_says_where_to_look_next_once_it_has_started()
    {
        await using var node = await StartAsync("agents.node.story = on");

        Assert.Contains("agents topic tail 'training.#'", await UntilWrittenAsync("agent list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_tells_no_story_unless_it_is_switched_on()
    {
        await using var node = await TestNode.StartAsync(TestNode.ConfigFile, Environment, Capture);

        Assert.False(node.Runtime.TellsStory);
    }

    [Fact]
    public async Task A_story_setting_that_is_not_a_switch_stops_the_node_naming_it()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("agents.node.story = loud"));

        Assert.Contains("agents.node.story", failure.Message, StringComparison.Ordinal);
    }

    private void Capture(IServiceCollection services) =>
        services.AddSingleton(new StoryWriter(_synchronized, TimeProvider.System));

    private Task<TestNode> StartAsync(string hocon)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $"include file(\"{TestNode.ConfigFile}\")\n{hocon}\n");
        return TestNode.StartAsync(path, Environment, Capture);
    }

    private static async Task PublishAsync(TestNode node, string topic, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await node.Client.PostAsync(new Uri($"/api/topics/{topic}/events", UriKind.Relative), content)).StatusCode);
    }

    private async Task<string> UntilWrittenAsync(string text)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            string written;
            lock (_synchronized)
            {
                written = _output.ToString();
            }

            if (written.Contains(text, StringComparison.Ordinal))
            {
                return written;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
