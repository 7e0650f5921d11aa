using Agents.Actors;
using Agents.Persistence;
using Agents.Persistence.Actors;
using Agents.Persistence.Journal;
using Agents.Persistence.Snapshots;
using Xunit;
using Xunit.Abstractions;

namespace Agents.TestKit.Persistence;

/// <summary>
/// The persistent actor scenario suite: persisting and replying after durability, handler order, commands waiting
/// while events are written, <c>PersistAsync</c>, recovery with and without snapshots, snapshots, deletion, write
/// failures and rejections, fencing of a second writer, recovery failures and at-least-once delivery. A store's test
/// class inherits it and supplies a journal and snapshot store built with <see cref="PersistenceSpec.Serializer"/>
/// and <see cref="PersistenceSpec.WriteAdapters"/>; the suite wraps the journal in a <see cref="ControllableJournal"/>
/// to hold it back or make it fail. Actors run on virtual time.
/// </summary>
public abstract partial class PersistentActorSpec : ActorTestKit
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private PersistenceExtension? _persistence;
    private ControllableJournal? _journal;

    /// <summary>Creates the suite's actor system; a store under test may be slower than memory, so expectations wait up to 15 s.</summary>
    protected PersistentActorSpec(ITestOutputHelper? output = null)
        : base(output, null, new TestKitSettings { ExpectTimeout = TimeSpan.FromSeconds(15) })
    {
    }

    /// <summary>Creates (or returns the shared) journal under test; persistence ids are unique per test.</summary>
    protected abstract IJournal CreateJournal();

    /// <summary>Creates (or returns the shared) snapshot store under test.</summary>
    protected abstract ISnapshotStore CreateSnapshotStore();

    /// <summary>The settings the suite runs with; the recovery timeout is the default 30 s.</summary>
    protected virtual PersistenceOptions Options => PersistenceOptions.Default;

    /// <summary>The journal the actors use: the store under test behind a switch that holds or fails calls.</summary>
    protected ControllableJournal Journal
    {
        get
        {
            _ = Persistence;
            return _journal!;
        }
    }

    /// <summary>The persistence of <see cref="ActorTestKit.Sys"/>, added on first use.</summary>
    protected PersistenceExtension Persistence
    {
        get
        {
            if (_persistence is null)
            {
                _journal = new ControllableJournal(CreateJournal());
                _persistence = Sys.AddPersistence(
                    _journal, CreateSnapshotStore(), Options, PersistenceSpec.Serializer, PersistenceSpec.WriteAdapters);
            }

            return _persistence;
        }
    }

    /// <summary>A persistence id unique to this test.</summary>
    protected string PersistenceIdOf(string name) => $"{_runId}-{name}";

    /// <summary>Starts an <see cref="Entity"/> of <paramref name="persistenceId"/> that reports to <paramref name="reporter"/>.</summary>
    private IActorRef StartEntity(
        string persistenceId, TestProbe? reporter = null, bool reportRecovery = false, Recovery? recovery = null,
        string? persistWhenRecovered = null)
    {
        var persistence = Persistence;
        ArgumentNullException.ThrowIfNull(persistence);
        var to = reporter?.Ref ?? Sys.DeadLetters;
        return Sys.ActorOf(Props.Create(() => new Entity(persistenceId, to, reportRecovery, recovery, persistWhenRecovered)));
    }

    /// <summary>Asks an entity for its state (which also proves it recovered).</summary>
    private EntityState StateOf(IActorRef entity)
    {
        entity.Tell(GetState.Instance, TestActor);
        return ExpectMsg<EntityState>();
    }

    /// <summary>Stops an entity and waits until it is gone, so a new incarnation recovers from the store.</summary>
    private void Stop(IActorRef entity)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(entity);
        Sys.Stop(entity);
        watcher.ExpectTerminated(entity);
    }

    /// <summary>Writes events straight to the journal, as an earlier incarnation would have.</summary>
    private async Task WriteDirectlyAsync(string persistenceId, params object[] payloads)
    {
        var writes = payloads
            .Select((payload, i) => new AtomicWrite(new PersistentRepresentation(persistenceId, i + 1, payload) { WriterId = "earlier" }))
            .ToArray();
        var results = await Journal.Inner.WriteMessagesAsync(writes);
        Assert.All(results, Assert.Null);
    }

    /// <summary>The payload values stored for <paramref name="persistenceId"/>, read straight from the journal.</summary>
    private async Task<List<(long SequenceNr, string Value)>> StoredAsync(string persistenceId)
    {
        var stored = new List<(long, string)>();
        await foreach (var e in Journal.Inner.ReplayMessagesAsync(persistenceId, 1, long.MaxValue, long.MaxValue))
        {
            stored.Add((e.SequenceNr, Assert.IsType<SpecEvent>(e.Payload).Value));
        }

        return stored;
    }
}
