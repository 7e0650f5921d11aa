using Agents.TestKit;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Diagnostics;

public sealed class LoggingSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed class Chatty : ReceiveActor
    {
        public Chatty() => Receive<string>(s => Context.Log.LogInformation("received {Text}", s));
    }

    [Fact]
    public void An_actor_logs_with_its_path_in_scope_and_its_type_as_category()
    {
        var actor = ActorOf(() => new Chatty(), "chatty");

        EventFilter.Info("received hello").ExpectOne(() => actor.Tell("hello"));

        var entry = Logs.Entries.Snapshot().Single(e => e.Message == "received hello");
        Assert.Equal("agents://test/user/chatty", entry.ActorPath);
        Assert.EndsWith("Chatty", entry.Category);
    }

    [Fact]
    public void The_actor_logger_is_created_once_per_actor()
    {
        var actor = ActorOfAsTestActorRef(() => new Chatty());
        var cell = ((LocalActorRef)actor.Ref).Cell;

        Assert.Same(cell.Log, cell.Log);
    }
}
