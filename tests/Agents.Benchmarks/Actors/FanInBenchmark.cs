using System.Diagnostics;
using System.Threading.Channels;
using Agents.Actors;

namespace Agents.Benchmarks.Actors;

/// <summary>
/// One sender (a plain thread) tells one receiving actor <c>count</c> messages as fast as it can;
/// the clock stops when the receiver has taken the last one. The baseline is one writer and one
/// reader over an unbounded <see cref="Channel{T}"/>.
/// </summary>
internal static class FanInBenchmark
{
    /// <summary>Returns messages per second through the actor's mailbox.</summary>
    public static async Task<double> ActorAsync(int count)
    {
        await using var system = ActorSystem.Create("fanin", settings: null);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiver = system.ActorOf(Props.Create(() => new Receiver(count, finished)));
        var watch = Stopwatch.StartNew();
        var sender = Task.Factory.StartNew(() =>
        {
            var message = BenchMessage.Instance;
            for (var i = 0; i < count; i++)
            {
                receiver.Tell(message, null);
            }
        }, TaskCreationOptions.LongRunning);
        await finished.Task;
        var seconds = watch.Elapsed.TotalSeconds;
        await sender;
        return count / seconds;
    }

    /// <summary>Returns messages per second through the channel.</summary>
    public static async Task<double> ChannelAsync(int count)
    {
        var channel = Channel.CreateUnbounded<BenchMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var watch = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            var taken = 0;
            while (taken < count && await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out _))
                {
                    taken++;
                }
            }
        });
        var writer = Task.Factory.StartNew(() =>
        {
            var message = BenchMessage.Instance;
            for (var i = 0; i < count; i++)
            {
                channel.Writer.TryWrite(message);
            }
        }, TaskCreationOptions.LongRunning);
        await reader;
        var seconds = watch.Elapsed.TotalSeconds;
        await writer;
        return count / seconds;
    }

    private sealed class Receiver(int count, TaskCompletionSource finished) : UntypedActor
    {
        private int _taken;

        protected override void OnReceive(object message)
        {
            if (++_taken == count)
            {
                finished.SetResult();
            }
        }
    }
}
