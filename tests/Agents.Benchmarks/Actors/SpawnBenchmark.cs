using System.Diagnostics;
using System.Threading.Channels;
using Agents.Actors;

namespace Agents.Benchmarks.Actors;

/// <summary>
/// Creating many idle top-level actors: the time until every one has been created and started (its
/// constructor ran), and the managed bytes each idle actor holds (<see cref="GC.GetTotalMemory"/> with
/// a full collection before and after). The baseline is the cheapest "actor" .NET offers without a
/// runtime: an unbounded <see cref="Channel{T}"/> with a task awaiting its next message.
/// </summary>
internal static class SpawnBenchmark
{
    /// <summary>Creates <paramref name="count"/> actors; returns the seconds taken and the bytes per actor.</summary>
    public static async Task<(double Seconds, double BytesPerActor)> ActorsAsync(int count)
    {
        await ReleaseThreadPoolReferencesAsync();
        await using var system = ActorSystem.Create("spawn", settings: null);
        var started = new StartedCounter(count);
        var props = Props.Create(() => new Idle(started));
        var refs = new IActorRef[count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }
        await started.AllStarted;
        var seconds = watch.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(refs);
        return (seconds, (after - before) / (double)count);
    }

    /// <summary>Creates <paramref name="count"/> channel "actors"; returns the seconds taken and the bytes per actor.</summary>
    public static async Task<(double Seconds, double BytesPerActor)> ChannelsAsync(int count)
    {
        await ReleaseThreadPoolReferencesAsync();
        var options = new UnboundedChannelOptions { SingleReader = true };
        var channels = new Channel<object>[count];
        var loops = new Task[count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var channel = Channel.CreateUnbounded<object>(options);
            channels[i] = channel;
            loops[i] = ReceiveLoopAsync(channel.Reader);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var channel in channels)
        {
            channel.Writer.Complete();
        }
        await Task.WhenAll(loops);
        return (seconds, (after - before) / (double)count);
    }

    /// <summary>
    /// Runs trivial work on every thread-pool thread. A worker keeps a reference to the last work item
    /// it ran until it runs another; after an earlier round that item can be a mailbox of a terminated
    /// system, which keeps that system's remains (tens of MB after a million actors) reachable and would
    /// be freed in the middle of the next measurement, making its bytes per actor negative.
    /// </summary>
    private static async Task ReleaseThreadPoolReferencesAsync()
    {
        for (var batch = 0; batch < 20; batch++)
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(static () => Thread.SpinWait(1000))));
        }
    }

    private static async Task ReceiveLoopAsync(ChannelReader<object> inbox)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
            }
        }
    }

    private sealed class StartedCounter(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public Task AllStarted => _all.Task;

        public void OneStarted()
        {
            if (Interlocked.Increment(ref _started) == expected)
            {
                _all.SetResult();
            }
        }
    }

    private sealed class Idle : UntypedActor
    {
        public Idle(StartedCounter started) => started.OneStarted();

        protected override void OnReceive(object message)
        {
        }
    }
}
