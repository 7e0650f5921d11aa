using Agents.TestKit;

namespace Agents.Node.Tests;

public sealed class ClusterStreamTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_stream_starts_with_this_node_up()
    {
        await using var node = await StartAsync();
        using var stream = await EventStream.OpenAsync(node.Client, "/api/cluster/stream");

        var (name, change) = await stream.NextAsync();

        Assert.Equal("member-up", name);
        Assert.Equal("member-up", change.GetProperty("type").GetString());
        Assert.Equal(node.Runtime.System.Address.ToString(), change.GetProperty("member").GetProperty("address").GetString());
        Assert.Equal("up", change.GetProperty("member").GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_the_node_stops_the_stream_says_it_left_and_ends()
    {
        var node = await StartAsync();
        try
        {
            using var stream = await EventStream.OpenAsync(node.Client, "/api/cluster/stream");
            await stream.NextAsync();

            // The guard only stops a hang: the shutdown timeout (60 s) is longer, so a stream that held the shutdown
            // would fail here rather than end.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stopping = node.App.StopAsync(guard.Token);
            var (name, change) = await stream.NextAsync();
            var rest = await stream.ReadToEndAsync();
            await stopping;

            Assert.Equal("member-left", name);
            Assert.Equal("leaving", change.GetProperty("member").GetProperty("status").GetString());
            Assert.DoesNotContain("data:", rest, StringComparison.Ordinal);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private Task<TestNode> StartAsync() =>
        TestNode.StartAsync(new Dictionary<string, string> { ["AGENTS_PG"] = database.ConnectionString });
}
