using Agents.Hocon;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Configuration;

public sealed class ConfiguredDispatchersSpec(ITestOutputHelper output) : ActorTestKit(output, ActorSystemSettings.FromConfig(Config.Parse("""
    agents.actor {
      dispatchers {
        fast { type = thread-pool, throughput = 3 }
        blocking-io { type = pinned }
      }
      mailboxes {
        tiny { type = bounded, capacity = 1, overflow = fail-sender }
      }
    }
    """)))
{
    private sealed class Reporter : ReceiveActor
    {
        public Reporter()
        {
            ReceiveAsync<TaskCompletionSource>(gate => gate.Task);
            Receive<string>(_ => Sender.Tell(Thread.CurrentThread.Name ?? "(pool)", Self));
        }
    }

    private static Mailbox MailboxOf(IActorRef actor) => ((LocalActorRef)actor).Mailbox;

    [Fact]
    public void Props_naming_a_configured_thread_pool_dispatcher_run_with_its_throughput()
    {
        var actor = Sys.ActorOf(Props.Create<Reporter>().WithDispatcher("fast"));

        actor.Tell("where");

        Assert.DoesNotContain("agents-", ExpectMsg<string>());
        Assert.Equal(3, MailboxOf(actor).Dispatcher.Throughput);
    }

    [Fact]
    public void Props_naming_a_configured_dispatcher_by_its_full_path_find_it()
    {
        var actor = Sys.ActorOf(Props.Create<Reporter>().WithDispatcher("agents.actor.dispatchers.fast"));

        Assert.Equal(3, MailboxOf(actor).Dispatcher.Throughput);
    }

    [Fact]
    public void Props_naming_a_configured_pinned_dispatcher_run_on_a_thread_of_their_own()
    {
        var actor = Sys.ActorOf(Props.Create<Reporter>().WithDispatcher("blocking-io"), "blocker");

        actor.Tell("where");

        var thread = ExpectMsg<string>();
        Assert.StartsWith("agents-blocking-io", thread);
        Assert.Contains("/user/blocker", thread);
    }

    [Fact]
    public void Props_naming_a_configured_mailbox_get_its_capacity_and_overflow()
    {
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create<Reporter>().WithMailbox("tiny"));
        actor.Tell(gate);
        AwaitCondition(() => MailboxOf(actor).Count == 0);
        actor.Tell("queued");

        Assert.Throws<MailboxFullException>(() => actor.Tell("one too many"));
        gate.SetResult();
    }

    [Fact]
    public void Props_naming_an_unknown_dispatcher_fail_with_the_setting_to_add()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<Reporter>().WithDispatcher("slow"), "worker"));

        Assert.Contains("/user/worker", error.Message);
        Assert.Contains("agents.actor.dispatchers.slow", error.Message);
        Assert.Contains("configured dispatchers: fast, blocking-io", error.Message);
    }

    [Fact]
    public void Props_naming_an_unknown_mailbox_fail_with_the_setting_to_add()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create<Reporter>().WithMailbox("huge"), "worker"));

        Assert.Contains("agents.actor.mailboxes.huge", error.Message);
        Assert.Contains("configured mailboxes: tiny", error.Message);
    }
}
