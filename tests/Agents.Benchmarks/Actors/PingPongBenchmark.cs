using System.Diagnostics;
using System.Threading.Channels;
using Agents.Actors;

namespace Agents.Benchmarks.Actors;

/// <summary>
/// Pairs of actors bouncing messages: a client sends <see cref="InFlight"/> messages to its echo
/// actor, the echo replies to each, and the client answers every reply with a new message until it
/// has sent its quota. Every delivered message counts, both directions. The baseline is the same
/// exchange between two tasks per pair over two unbounded <see cref="Channel{T}"/>s.
/// </summary>
internal static class PingPongBenchmark
{
    /// <summary>
    /// Messages each pair keeps in flight: Akka.NET's LocalPingPong benchmark sends batches of 100.
    /// With one message in flight every message pays a thread-pool hand-over and the figure measures
    /// the pool's wake-up latency rather than the mailbox.
    /// </summary>
    public const int InFlight = 100;

    /// <summary>Runs the actor version; returns delivered messages per second.</summary>
    public static async Task<double> ActorsAsync(int pairs, long messagesPerPair)
    {
        await using var system = ActorSystem.Create("pingpong", settings: null);
        var quota = messagesPerPair / 2;
        var clients = new IActorRef[pairs];
        var done = new Task[pairs];
        for (var i = 0; i < pairs; i++)
        {
            var echo = system.ActorOf(Props.Create(() => new Echo()));
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done[i] = finished.Task;
            clients[i] = system.ActorOf(Props.Create(() => new Client(echo, quota, finished)));
        }
        var watch = Stopwatch.StartNew();
        foreach (var client in clients)
        {
            client.Tell(Start.Instance, null);
        }
        await Task.WhenAll(done);
        return pairs * quota * 2 / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the channel version; returns delivered messages per second.</summary>
    public static async Task<double> ChannelsAsync(int pairs, long messagesPerPair)
    {
        var quota = messagesPerPair / 2;
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var starts = new List<TaskCompletionSource>();
        var running = new List<Task>();
        for (var i = 0; i < pairs; i++)
        {
            var toEcho = Channel.CreateUnbounded<BenchMessage>(options);
            var toClient = Channel.CreateUnbounded<BenchMessage>(options);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            starts.Add(start);
            running.Add(Task.Run(() => EchoLoopAsync(toEcho.Reader, toClient.Writer)));
            running.Add(Task.Run(() => ClientLoopAsync(start.Task, toClient.Reader, toEcho.Writer, quota)));
        }
        var watch = Stopwatch.StartNew();
        foreach (var start in starts)
        {
            start.SetResult();
        }
        await Task.WhenAll(running);
        return pairs * quota * 2 / watch.Elapsed.TotalSeconds;
    }

    private static async Task EchoLoopAsync(ChannelReader<BenchMessage> inbox, ChannelWriter<BenchMessage> reply)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var message))
            {
                reply.TryWrite(message);
            }
        }
    }

    private static async Task ClientLoopAsync(Task start, ChannelReader<BenchMessage> inbox, ChannelWriter<BenchMessage> echo, long quota)
    {
        await start.ConfigureAwait(false);
        long sent = 0, received = 0;
        for (; sent < Math.Min(InFlight, quota); sent++)
        {
            echo.TryWrite(BenchMessage.Instance);
        }
        while (received < quota && await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
                received++;
                if (sent < quota)
                {
                    echo.TryWrite(BenchMessage.Instance);
                    sent++;
                }
            }
        }
        echo.Complete();
    }

    private sealed class Start
    {
        public static readonly Start Instance = new();
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class Client(IActorRef echo, long quota, TaskCompletionSource finished) : UntypedActor
    {
        private long _sent;
        private long _received;

        protected override void OnReceive(object message)
        {
            if (message is Start)
            {
                var self = Self;
                for (; _sent < Math.Min(InFlight, quota); _sent++)
                {
                    echo.Tell(BenchMessage.Instance, self);
                }
                return;
            }
            _received++;
            if (_sent < quota)
            {
                echo.Tell(BenchMessage.Instance, Self);
                _sent++;
            }
            else if (_received == quota)
            {
                finished.SetResult();
            }
        }
    }
}
