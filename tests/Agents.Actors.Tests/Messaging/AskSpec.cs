using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Messaging;

public sealed class AskSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Boom(string Reason);

    private sealed class Replier : ReceiveActor
    {
        public Replier()
        {
            Receive<string>(s => Sender.Tell(s.ToUpperInvariant(), Self));
            Receive<int>(n => Sender.Tell(n * 2, Self));
            Receive<Boom>(b => Sender.Tell(new Status.Failure(new InvalidOperationException(b.Reason)), Self));
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class AskingActor(IActorRef target) : ReceiveActor
    {
        private readonly IActorRef _target = target;

        protected override void PreStart()
        {
            Become(message =>
            {
                if (message is not string text)
                {
                    return false;
                }
                RunTask(async () =>
                {
                    var reply = await _target.Ask<string>(text);
                    Sender.Tell($"{reply} via {Self.Path.Name}", Self);
                });
                return true;
            });
        }
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var replier = ActorOf(() => new Replier());

        Assert.Equal("PING", await replier.Ask<string>("ping"));
    }

    [Fact]
    public async Task Ask_rethrows_the_exception_of_a_failure_reply()
    {
        var replier = ActorOf(() => new Replier());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => replier.Ask<string>(new Boom("no stock")));

        Assert.Equal("no stock", error.Message);
    }

    [Fact]
    public async Task Ask_fails_clearly_when_the_reply_has_another_type()
    {
        var replier = ActorOf(() => new Replier(), "replier");

        var error = await Assert.ThrowsAsync<InvalidCastException>(() => replier.Ask<string>(21));

        Assert.Contains("Ask<String>", error.Message);
        Assert.Contains("System.Int32", error.Message);
        Assert.Contains("/user/replier", error.Message);
    }

    [Fact]
    public async Task Ask_times_out_when_virtual_time_passes_its_timeout()
    {
        var silent = ActorOf(() => new Silent(), "silent");
        var ask = silent.Ask<string>("hello?", TimeSpan.FromSeconds(5));
        await SettleAsync();

        Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("/user/silent", error.Message);
        Assert.Contains("String", error.Message);
    }

    [Fact]
    public async Task Ask_keeps_waiting_before_its_timeout()
    {
        var silent = ActorOf(() => new Silent());
        var ask = silent.Ask<string>("hello?", TimeSpan.FromSeconds(5));
        await SettleAsync();

        Advance(TimeSpan.FromSeconds(4.9));

        Assert.False(ask.IsCompleted);
    }

    [Fact]
    public async Task Ask_without_timeout_uses_the_system_default()
    {
        var silent = ActorOf(() => new Silent());
        var ask = silent.Ask<string>("hello?");
        await SettleAsync();

        Advance(Sys.Settings.AskTimeout);

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task Ask_is_cancelled_by_its_token()
    {
        var silent = ActorOf(() => new Silent());
        using var cancellation = new CancellationTokenSource();
        var ask = silent.Ask<string>("hello?", TimeSpan.FromSeconds(5), cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task A_reply_after_the_timeout_becomes_a_dead_letter()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(1));
        probe.ExpectMsg("question");
        Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);

        probe.Reply("too late");

        ExpectDeadLetter<string>(s => s == "too late");
    }

    [Fact]
    public async Task Ask_to_a_stopped_actor_produces_a_dead_letter_and_times_out()
    {
        var silent = ActorOf(() => new Silent());
        Watch(silent);
        Sys.Stop(silent);
        ExpectTerminated(silent);

        var ask = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(2));

        ExpectDeadLetter<string>(s => s == "anyone?");
        Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public void Ask_inside_an_async_handler_resumes_on_the_actor_with_its_sender()
    {
        var replier = ActorOf(() => new Replier());
        var asking = ActorOf(() => new AskingActor(replier), "asking");

        asking.Tell("hi");

        ExpectMsg("HI via asking");
    }

    [Fact]
    public async Task Ask_with_a_message_factory_passes_the_temporary_ref()
    {
        var probe = CreateTestProbe();

        var ask = probe.Ref.Ask<string>(replyTo => ("reply to", replyTo));
        var (_, replyTo) = probe.ExpectMsg<(string, IActorRef)>();
        replyTo.Tell("done", null);

        Assert.Equal("done", await ask);
        Assert.StartsWith("/temp/", replyTo.Path.ToStringWithoutAddress());
    }
}
