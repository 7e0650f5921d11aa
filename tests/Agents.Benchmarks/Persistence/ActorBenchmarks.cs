using System.Diagnostics;
using Agents.Actors;

namespace Agents.Benchmarks.Persistence;

/// <summary>Our figures at the actor level: <see cref="BenchEntity"/> actors persisting through the system's journal.</summary>
internal static class ActorBenchmarks
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <paramref name="actors"/> entities, each with one write outstanding at a time (sent by an <see cref="EntityPump"/>),
    /// for <paramref name="duration"/>; acknowledged events/s, counting the writes in flight at the end.
    /// </summary>
    public static async Task<double> ConcurrentAsync(
        ActorSystem system, int actors, TimeSpan duration, string prefix, bool persistAsync, CancellationToken cancellationToken)
    {
        var entities = Enumerable.Range(0, actors)
            .Select(a => system.ActorOf(Props.Create(() => new BenchEntity($"{prefix}-{a}", persistAsync))))
            .ToArray();
        foreach (var entity in entities)
        {
            await entity.Ask<long>(BenchEntity.Count.Instance, Patience, cancellationToken);
        }

        var drained = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pump = system.ActorOf(Props.Create(() => new EntityPump(entities, drained)));
        var watch = Stopwatch.StartNew();
        pump.Tell(EntityPump.Start.Instance);
        await Task.Delay(duration, cancellationToken);
        pump.Tell(EntityPump.Stop.Instance);
        var events = await drained.Task.WaitAsync(Patience, cancellationToken);
        var rate = events / watch.Elapsed.TotalSeconds;
        await StopAsync([pump, .. entities]);
        return rate;
    }

    /// <summary>
    /// One entity persisting one event per command, each acknowledged (Ask) before the next, interleaved command by
    /// command with a raw prepared single-row INSERT commit so both see the same load; each side's writes/s.
    /// </summary>
    public static async Task<(double Ours, double Raw)> SequentialAsync(
        ActorSystem system, BenchDatabase db, TimeSpan duration, CancellationToken cancellationToken)
    {
        var entity = system.ActorOf(Props.Create(() => new BenchEntity("actor-sequential-" + Guid.NewGuid().ToString("N"), false)));
        await entity.Ask<long>(BenchEntity.Count.Instance, Patience, cancellationToken);
        var result = await InterleavedCommits.MeasureAsync(db, "raw-actor-sequential-", duration,
            _ => entity.Ask<BenchEntity.Written>(BenchEntity.Write.Instance, Patience, cancellationToken), cancellationToken);
        await StopAsync([entity]);
        return result;
    }

    /// <summary>A new incarnation of entity <paramref name="persistenceId"/> recovering all its events; events/s.</summary>
    public static async Task<double> RecoveryAsync(ActorSystem system, string persistenceId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var entity = system.ActorOf(Props.Create(() => new BenchEntity(persistenceId, false)));
        var events = await entity.Ask<long>(BenchEntity.Count.Instance, Patience, cancellationToken);
        var rate = events / watch.Elapsed.TotalSeconds;
        await StopAsync([entity]);
        return rate;
    }

    /// <summary>
    /// One entity sent <paramref name="commands"/> commands at once, each persisting one event with <c>Persist</c> or
    /// <c>PersistAsync</c>; acknowledged events/s.
    /// </summary>
    public static async Task<double> BurstAsync(ActorSystem system, int commands, bool persistAsync, CancellationToken cancellationToken)
    {
        var entity = system.ActorOf(Props.Create(() => new BenchEntity("burst-" + Guid.NewGuid().ToString("N"), persistAsync)));
        await entity.Ask<long>(BenchEntity.Count.Instance, Patience, cancellationToken);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new AcknowledgementCounter(commands, done)));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < commands; i++)
        {
            entity.Tell(BenchEntity.Write.Instance, counter);
        }

        await done.Task.WaitAsync(Patience, cancellationToken);
        var rate = commands / watch.Elapsed.TotalSeconds;
        await StopAsync([entity, counter]);
        return rate;
    }

    private static async Task StopAsync(IReadOnlyList<IActorRef> actors)
    {
        var stopped = actors.Select(a => a.GracefulStop(Patience)).ToArray();
        await Task.WhenAll(stopped);
    }
}
