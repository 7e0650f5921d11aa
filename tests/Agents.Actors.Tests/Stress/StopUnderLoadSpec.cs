using System.Runtime.CompilerServices;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Actors.Tests.Stress;

public sealed class StopUnderLoadSpec(ITestOutputHelper output) : ActorTestKit(output, new ActorSystemSettings { LogDeadLetters = false })
{
    private sealed record Payload(int Value);

    private sealed class Counting(StrongBox<int> processed) : ReceiveActor
    {
        public Counting() : this(new StrongBox<int>())
        {
        }

        protected override void PreStart() => Become(message =>
        {
            if (message is Payload)
            {
                Interlocked.Increment(ref processed.Value);
            }
            return true;
        });
    }

    [Fact]
    public async Task Every_message_sent_while_an_actor_stops_is_either_processed_or_a_dead_letter()
    {
        const int senders = 4;
        const int perSender = 20_000;
        var processed = new StrongBox<int>();
        var actor = ActorOf(() => new Counting(processed));
        var deadLetters = 0;
        using var subscription = Sys.EventStream.Subscribe<DeadLetter>(d =>
        {
            if (d.Message is Payload && d.Recipient.Equals(actor))
            {
                Interlocked.Increment(ref deadLetters);
            }
        });
        Watch(actor);

        var sending = Enumerable.Range(0, senders).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                actor.Tell(new Payload(i), null);
            }
        })).ToArray();
        await Task.Run(() => Sys.Stop(actor));
        await Task.WhenAll(sending);

        ExpectTerminated(actor);
        AwaitCondition(() => Volatile.Read(ref processed.Value) + Volatile.Read(ref deadLetters) == senders * perSender,
            message: $"processed {processed.Value} + dead letters {deadLetters} should be {senders * perSender}");
    }

    [Fact]
    public async Task Every_watcher_of_many_actors_stopped_concurrently_gets_exactly_one_Terminated()
    {
        const int actors = 500;
        var targets = Enumerable.Range(0, actors).Select(_ => ActorOf(() => new Counting())).ToArray();
        foreach (var target in targets)
        {
            Watch(target);
        }

        await Task.WhenAll(targets.Select(t => Task.Run(() => Sys.Stop(t))));

        var terminated = ReceiveN(actors).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal(actors, terminated.Count);
        ExpectNoMsg();
    }
}
