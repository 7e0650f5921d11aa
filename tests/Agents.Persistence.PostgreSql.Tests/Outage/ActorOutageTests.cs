using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Npgsql;
using Xunit.Abstractions;

namespace Agents.Persistence.PostgreSql.Tests.Outage;

/// <summary>
/// "When the database goes away and comes back, actors fail, back off and recover with every acknowledged event":
/// persistent actors under backoff supervisors write to a private server that the test stops and starts again.
/// Backoff runs on virtual time; waits on the real database are bounded by <see cref="HangGuard"/>, which only
/// turns a hang into a failure.
/// </summary>
public sealed class ActorOutageTests : ActorTestKit, IClassFixture<RestartableServer>
{
    private const int Actors = 8;
    private const int CommandsBefore = 20;
    private const int CommandsAtTheOutage = 10;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    private readonly RestartableServer _database;
    private readonly ITestOutputHelper _output;

    public ActorOutageTests(RestartableServer database, ITestOutputHelper output)
        : base(output)
    {
        _database = database;
        _output = output;
    }

    private sealed record Add(string Value);

    private sealed record Acknowledged(string PersistenceId, string Value);

    private sealed record PersistFailed(string PersistenceId);

    private sealed record RecoveryFailed(string PersistenceId);

    private sealed record Recovered(string PersistenceId, IReadOnlyList<string> Values);

    [Fact]
    public async Task Actors_fail_back_off_and_recover_every_acknowledged_event_when_the_database_comes_back()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database.Server.ConnectionString);
        await using var store = await Stores.StartAsync(dataSource);
        Sys.AddPersistence(store.Journal, store.SnapshotStore, serializer: PersistenceSpec.Serializer, writeAdapters: PersistenceSpec.WriteAdapters);
        var failures = CreateTestProbe();
        var recoveries = CreateTestProbe();
        var ids = Enumerable.Range(0, Actors).Select(i => Stores.UniqueId($"tally-{i}")).ToArray();
        var supervisors = ids.Select(id => Sys.ActorOf(BackoffOptions
            .OnStop(Props.Create(() => new Tally(id, failures.Ref, recoveries.Ref)), "tally", MinBackoff, MaxBackoff, 0)
            .WithManualReset()
            .Props())).ToArray();
        ExpectOutcomes<Recovered>(recoveries, Actors);
        var acknowledged = ids.ToDictionary(id => id, _ => new HashSet<string>());

        SendToAll(supervisors, "before", CommandsBefore);
        Record(acknowledged, ReceiveN(Actors * CommandsBefore, HangGuard));
        SendToAll(supervisors, "at-the-outage", CommandsAtTheOutage);
        await _database.StopAsync();
        SendToAll(supervisors, "during", 1);
        ExpectOutcomes<PersistFailed>(failures, Actors);
        Record(acknowledged, DrainAcknowledgements());

        Advance(MinBackoff);
        ExpectOutcomes<RecoveryFailed>(recoveries, Actors);
        await _database.StartAgainAsync();
        var recovered = RecoverAll(recoveries);
        _output.WriteLine(
            $"acknowledged at the outage: {acknowledged.Values.Sum(a => a.Count(v => v.StartsWith("at-the-outage", StringComparison.Ordinal)))}; " +
            $"recovered beyond the acknowledged: {ids.Sum(id => recovered[id].Count - acknowledged[id].Count)}");

        Assert.All(ids, id => Assert.Superset(acknowledged[id], recovered[id].ToHashSet()));
        Assert.All(ids, id => Assert.Equal(recovered[id].Count, recovered[id].Distinct().Count()));
        Assert.All(ids, id => Assert.Equal(CommandsBefore, recovered[id].Count(v => v.StartsWith("before", StringComparison.Ordinal))));
        Assert.All(ids, id => Assert.DoesNotContain(recovered[id], v => v.StartsWith("during", StringComparison.Ordinal)));
        SendToAll(supervisors, "after", 1);
        Assert.All(ReceiveN(Actors, HangGuard), m => Assert.StartsWith("after", Assert.IsType<Acknowledged>(m).Value, StringComparison.Ordinal));
        foreach (var supervisor in supervisors)
        {
            var watcher = CreateTestProbe();
            watcher.Watch(supervisor);
            Sys.Stop(supervisor);
            watcher.ExpectTerminated(supervisor, HangGuard);
        }
    }

    private void SendToAll(IActorRef[] supervisors, string prefix, int count)
    {
        for (var n = 0; n < count; n++)
        {
            foreach (var supervisor in supervisors)
            {
                supervisor.Tell(new Add($"{prefix}-{n}"), TestActor);
            }
        }
    }

    private static void Record(Dictionary<string, HashSet<string>> acknowledged, IEnumerable<object> messages)
    {
        foreach (var ack in messages.Cast<Acknowledged>())
        {
            acknowledged[ack.PersistenceId].Add(ack.Value);
        }
    }

    /// <summary>The acknowledgements already received: every actor has failed, so no more can come.</summary>
    private List<object> DrainAcknowledgements()
    {
        var messages = new List<object>();
        while (Probe.TryReceive(out var message))
        {
            messages.Add(message!);
        }

        return messages;
    }

    /// <summary>One outcome of type <typeparamref name="T"/> from each actor.</summary>
    private static void ExpectOutcomes<T>(TestProbe probe, int count)
    {
        var from = new HashSet<object>();
        for (var i = 0; i < count; i++)
        {
            from.Add(probe.ExpectMsg<T>(HangGuard)!);
        }

        Assert.Equal(count, from.Count);
    }

    /// <summary>
    /// Moves virtual time one longest backoff at a time, so every stopped actor tries again, until each has recovered;
    /// an attempt may still fail while the pool replaces connections to the stopped server.
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>> RecoverAll(TestProbe recoveries)
    {
        var recovered = new Dictionary<string, IReadOnlyList<string>>();
        var waiting = Actors;
        for (var round = 0; waiting > 0; round++)
        {
            Assert.True(round < 10, $"{waiting} actors still not recovered after {round} backoff rounds");
            Advance(MaxBackoff);
            var attempts = waiting;
            for (var i = 0; i < attempts; i++)
            {
                switch (recoveries.ExpectMsg<object>(HangGuard))
                {
                    case Recovered r:
                        recovered[r.PersistenceId] = r.Values;
                        waiting--;
                        break;
                    case RecoveryFailed:
                        break;
                    case var other:
                        Assert.Fail($"Unexpected {other}");
                        break;
                }
            }
        }

        return recovered;
    }

    /// <summary>Persists each value and acknowledges it once durable; reports failures and its recovered state.</summary>
    private sealed class Tally : ReceivePersistentActor
    {
        private readonly string _persistenceId;
        private readonly IActorRef _failures;
        private readonly IActorRef _recoveries;
        private readonly List<string> _values = [];

        public Tally(string persistenceId, IActorRef failures, IActorRef recoveries)
        {
            _persistenceId = persistenceId;
            _failures = failures;
            _recoveries = recoveries;
            Recover<SpecEvent>(e => _values.Add(e.Value));
            Recover<RecoveryCompleted>(_ => _recoveries.Tell(new Recovered(_persistenceId, [.. _values]), Self));
            Command<Add>(c => Persist(new SpecEvent(c.Value), e =>
            {
                _values.Add(e.Value);
                Sender.Tell(new Acknowledged(_persistenceId, e.Value), Self);
            }));
        }

        public override string PersistenceId => _persistenceId;

        protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
        {
            _failures.Tell(new PersistFailed(_persistenceId), Self);
            base.OnPersistFailure(cause, @event, sequenceNr);
        }

        protected override void OnRecoveryFailure(Exception cause, object? @event)
        {
            _recoveries.Tell(new RecoveryFailed(_persistenceId), Self);
            base.OnRecoveryFailure(cause, @event);
        }
    }
}
