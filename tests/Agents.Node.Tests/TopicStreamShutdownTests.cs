using System.Net;
using Agents.TestKit;

namespace Agents.Node.Tests;

public sealed class TopicStreamShutdownTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task An_open_stream_ends_when_the_node_stops()
    {
        var node = await TestNode.StartAsync(new Dictionary<string, string> { ["AGENTS_PG"] = database.ConnectionString });
        try
        {
            using var response = await node.Client.SendAsync(
                new HttpRequestMessage(HttpMethod.Get, "/api/topics/stream?pattern=%23"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

            // The guard only stops a hang: the shutdown timeout (60 s) is longer, so a stream that held the
            // shutdown would fail here rather than end.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stopping = node.App.StopAsync(guard.Token);
            var rest = await reader.ReadToEndAsync(guard.Token);
            await stopping;

            Assert.DoesNotContain("data:", rest, StringComparison.Ordinal);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }
}
