using System.Net;
using Agents.Actors;

namespace Agents.Node.Tests;

/// <summary>Nodes on their own embedded PostgreSQL server in a temporary data directory, as <c>./build.sh run</c> starts them.</summary>
public sealed class NodeLifecycleTests
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restarted_node_on_the_same_data_directory_keeps_the_journal()
    {
        using var directory = new TemporaryDirectory();
        var environment = new Dictionary<string, string> { ["AGENTS_DATA_DIR"] = directory.Path };

        await using (var first = await TestNode.StartAsync(environment))
        {
            var counter = first.Runtime.System.ActorOf(CounterActor.Props("counter-1"), "counter");
            Assert.Equal(5, await counter.Ask<int>(new CounterActor.Add(5), AskTimeout));
            Assert.Equal(12, await counter.Ask<int>(new CounterActor.Add(7), AskTimeout));
        }

        await using var second = await TestNode.StartAsync(environment);
        var recovered = second.Runtime.System.ActorOf(CounterActor.Props("counter-1"), "counter");

        Assert.Equal(12, await recovered.Ask<int>(new CounterActor.GetTotal(), AskTimeout));
        Assert.Equal(Path.Combine(directory.Path, "postgres"), second.Runtime.EmbeddedServer!.DataDirectory);
    }

    [Fact]
    public async Task Stopping_the_node_terminates_the_actor_system_and_stops_the_embedded_server()
    {
        using var directory = new TemporaryDirectory();
        var node = await TestNode.StartAsync(new Dictionary<string, string> { ["AGENTS_DATA_DIR"] = directory.Path });
        var system = node.Runtime.System;
        var server = node.Runtime.EmbeddedServer!;

        await node.DisposeAsync();

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.False(IsRunning(server.ProcessId));
    }

    [Fact]
    public async Task Ready_is_503_naming_the_database_when_it_does_not_answer()
    {
        using var directory = new TemporaryDirectory();
        await using var node = await TestNode.StartAsync(new Dictionary<string, string> { ["AGENTS_DATA_DIR"] = directory.Path });
        await node.Runtime.EmbeddedServer!.StopAsync();

        var response = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("database:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_stops_when_the_actor_system_terminates_by_itself()
    {
        using var directory = new TemporaryDirectory();
        await using var node = await TestNode.StartAsync(new Dictionary<string, string> { ["AGENTS_DATA_DIR"] = directory.Path });
        var stopping = new TaskCompletionSource();
        node.App.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        await node.Runtime.System.Terminate();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
