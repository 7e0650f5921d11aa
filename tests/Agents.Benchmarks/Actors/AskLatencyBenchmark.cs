using System.Diagnostics;
using System.Threading.Channels;
using Agents.Actors;

namespace Agents.Benchmarks.Actors;

/// <summary>
/// Sequential request-response latency: one caller asks an echo actor, awaits the reply, and asks
/// again. The baseline sends a <see cref="TaskCompletionSource{TResult}"/> over a
/// <see cref="Channel{T}"/> to a responder task that completes it (both with asynchronous
/// continuations, as an Ask's promise has), which is the least a thread-hopping request-response can cost.
/// </summary>
internal static class AskLatencyBenchmark
{
    /// <summary>Returns the latency of each of <paramref name="count"/> asks, in microseconds.</summary>
    public static async Task<double[]> ActorAsync(int count)
    {
        await using var system = ActorSystem.Create("ask", settings: null);
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        var latencies = new double[count];
        var message = BenchMessage.Instance;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await echo.Ask<BenchMessage>(message).ConfigureAwait(false);
            latencies[i] = Microseconds(start, Stopwatch.GetTimestamp());
        }
        return latencies;
    }

    /// <summary>Returns the latency of each of <paramref name="count"/> channel round trips, in microseconds.</summary>
    public static async Task<double[]> ChannelAsync(int count)
    {
        var requests = Channel.CreateUnbounded<TaskCompletionSource<BenchMessage>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var responder = Task.Run(async () =>
        {
            while (await requests.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (requests.Reader.TryRead(out var request))
                {
                    request.TrySetResult(BenchMessage.Instance);
                }
            }
        });
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var request = new TaskCompletionSource<BenchMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            requests.Writer.TryWrite(request);
            await request.Task.ConfigureAwait(false);
            latencies[i] = Microseconds(start, Stopwatch.GetTimestamp());
        }
        requests.Writer.Complete();
        await responder;
        return latencies;
    }

    /// <summary>
    /// Microseconds between two timestamps, at the stopwatch's resolution (nanoseconds on Linux);
    /// <see cref="Stopwatch.GetElapsedTime(long)"/> would round to the 100 ns ticks of a TimeSpan.
    /// </summary>
    private static double Microseconds(long start, long end) => (end - start) * 1e6 / Stopwatch.Frequency;

    /// <summary>The <paramref name="percent"/>th percentile (nearest rank) of <paramref name="values"/>.</summary>
    public static double Percentile(double[] values, double percent)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
