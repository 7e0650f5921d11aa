using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Stress;

public sealed class ConcurrencySpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Report;

    /// <summary>Checks per-sender order and counts messages.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _last = [];
        private int _count;
        private int _violations;

        public OrderChecker()
        {
            Receive<Numbered>(n =>
            {
                if (n.Sequence != _last.GetValueOrDefault(n.Sender, -1) + 1)
                {
                    _violations++;
                }
                _last[n.Sender] = n.Sequence;
                _count++;
            });
            Receive<Report>(_ => Sender.Tell((_count, _violations), Self));
        }
    }

    private sealed class Flaky : ReceiveActor
    {
        public Flaky(Counter counter)
        {
            Receive<int>(n =>
            {
                if (n % 100 == 99)
                {
                    throw new InvalidOperationException($"message {n} fails on purpose");
                }
                Interlocked.Increment(ref counter.Processed);
            });
            Receive<Report>(_ => Sender.Tell(counter.Processed, Self));
        }
    }

    private sealed class Counter
    {
        public int Processed;
    }

    [Fact]
    public async Task Thousands_of_actors_and_senders_lose_nothing_and_keep_per_sender_order()
    {
        const int actors = 2_000;
        const int senders = 16;
        const int perSenderPerActor = 25;
        var receivers = Enumerable.Range(0, actors).Select(_ => ActorOf(() => new OrderChecker())).ToArray();

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < perSenderPerActor; i++)
            {
                foreach (var receiver in receivers)
                {
                    receiver.Tell(new Numbered(s, i), null);
                }
            }
        })));

        var reports = await Task.WhenAll(receivers.Select(r => r.Ask<(int Count, int Violations)>(new Report(), TimeSpan.FromHours(1))));
        Assert.All(reports, r => Assert.Equal((senders * perSenderPerActor, 0), r));
    }

    [Fact]
    public async Task Restarts_under_load_keep_the_mailbox()
    {
        const int messages = 20_000;
        var counter = new Counter();
        var supervisor = ActorOf(() => new ForwardingParent(counter));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = p; i < messages; i += 4)
            {
                supervisor.Tell(i, null);
            }
        })));

        var processed = await supervisor.Ask<int>(new Report(), TimeSpan.FromHours(1));
        Assert.Equal(messages - messages / 100, processed);
    }

    private sealed class ForwardingParent : ReceiveActor
    {
        public ForwardingParent(Counter counter)
        {
            var child = Context.ActorOf(Props.Create(() => new Flaky(counter)), "flaky");
            ReceiveAny(m => child.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() =>
            new OneForOneStrategy(-1, null, _ => Directive.Restart, loggingEnabled: false);
    }

    [Fact]
    public async Task Many_concurrent_asks_all_get_their_own_reply()
    {
        var echo = ActorOf(() => new Echo());

        var replies = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i => echo.Ask<int>(i, TimeSpan.FromHours(1))));

        Assert.Equal(Enumerable.Range(0, 10_000), replies);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    [Fact]
    public async Task Creating_and_stopping_many_actors_concurrently_leaves_no_child_behind()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var actor = Sys.ActorOf(Props.Create(() => new Echo()));
                actor.Tell(PoisonPill.Instance, null);
            }
        })));

        AwaitCondition(() => Sys.UserGuardianCell.Children.Count(c => c.Path.Name.StartsWith('$')) == 0);
    }
}
