using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Snapshots;

namespace Agents.TestKit.Persistence;

// The entity the scenarios drive, and its protocol. Its state is the list of event values it applied; it tells
// the reporter about persistence callbacks so tests can watch them.
public abstract partial class PersistentActorSpec
{
    private sealed record Add(string Value);

    private sealed record AddThenAll(string First, string Second, string[] Atomic);

    private sealed record AddAsync(string Value);

    private sealed record AddAsyncThenDefer(string Value, string Deferred);

    private sealed record AddAwaiting(string Value);

    private sealed record AddUnregistered(string Value);

    private sealed record AddAwaitingUnregistered(string Value);

    private sealed record AddNested(string Outer, string Inner);

    private sealed record AddAllAsync(string[] Values);

    private sealed record AddThenFailInHandler(string Failing, string Pending);

    private sealed class Crash
    {
        public static Crash Instance { get; } = new();
    }

    private sealed class Lock
    {
        public static Lock Instance { get; } = new();
    }

    private sealed class Unlock
    {
        public static Unlock Instance { get; } = new();
    }

    private sealed record Persisted(string Value, long SequenceNr);

    private sealed record Deferred(string Value);

    private sealed record Rejected(Exception Cause, long SequenceNr);

    private sealed record Failed(Exception Cause, long SequenceNr);

    private sealed record RecoveryFailed(Exception Cause, object? Event);

    private sealed record Recovered(long LastSequenceNr);

    private sealed record EntityState(IReadOnlyList<string> Values, long LastSequenceNr, long SnapshotSequenceNr, IReadOnlyList<string> RecoveryLog);

    private sealed record DeleteUpTo(long ToSequenceNr);

    private sealed record DeleteSnapshotAt(long SequenceNr);

    private sealed record DeleteSnapshotsUpTo(long MaxSequenceNr);

    private sealed class GetState
    {
        public static GetState Instance { get; } = new();
    }

    private sealed class TakeSnapshot
    {
        public static TakeSnapshot Instance { get; } = new();
    }

    private sealed class TakeUnserializableSnapshot
    {
        public static TakeUnserializableSnapshot Instance { get; } = new();
    }

    private sealed class Entity : ReceivePersistentActor
    {
        private readonly string _persistenceId;
        private readonly IActorRef _reporter;
        private readonly List<string> _values = [];
        private readonly List<string> _recoveryLog = [];
        private readonly Recovery? _recovery;

        public Entity(string persistenceId, IActorRef reporter, bool reportRecovery, Recovery? recovery = null, string? persistWhenRecovered = null)
        {
            _persistenceId = persistenceId;
            _recovery = recovery;
            _reporter = reporter;

            Recover<SnapshotOffer>(offer =>
            {
                var state = ((SpecSnapshot)offer.Snapshot).State;
                _values.AddRange(state.Length == 0 ? [] : state.Split('|'));
                _recoveryLog.Add($"snapshot@{offer.Metadata.SequenceNr}");
            });
            Recover<SpecEvent>(e =>
            {
                _values.Add(e.Value);
                _recoveryLog.Add($"event@{LastSequenceNr}");
            });
            Recover<RecoveryCompleted>(_ =>
            {
                if (reportRecovery)
                {
                    _reporter.Tell(new Recovered(LastSequenceNr), Self);
                }

                if (persistWhenRecovered is not null)
                {
                    Persist(new SpecEvent(persistWhenRecovered), e => _values.Add(e.Value));
                }
            });

            Command<Add>(c => Persist(new SpecEvent(c.Value), Reply));
            Command<AddThenAll>(c =>
            {
                Persist(new SpecEvent(c.First), Reply);
                Persist(new SpecEvent(c.Second), Reply);
                PersistAll(c.Atomic.Select(v => new SpecEvent(v)), Reply);
            });
            Command<AddAsync>(c => PersistAsync(new SpecEvent(c.Value), Reply));
            Command<AddAllAsync>(c => PersistAllAsync(c.Values.Select(v => new SpecEvent(v)), Reply));
            Command<Crash>(_ => throw new InvalidOperationException("The test told the entity to crash."));
            Command<AddThenFailInHandler>(c =>
            {
                Persist(new SpecEvent(c.Failing), _ => throw new InvalidOperationException("The test's handler failed."));
                Persist(new SpecEvent(c.Pending), Reply);
            });
            Command<AddAsyncThenDefer>(c =>
            {
                PersistAsync(new SpecEvent(c.Value), Reply);
                DeferAsync(c.Deferred, d => Sender.Tell(new Deferred(d), Self));
            });
            CommandAsync<AddAwaiting>(async c =>
            {
                var e = new SpecEvent(c.Value);
                await PersistAndWaitAsync(e);
                Reply(e);
            });
            CommandAsync<AddAwaitingUnregistered>(async c =>
            {
                try
                {
                    await PersistAndWaitAsync(new SpecUnregisteredEvent(c.Value));
                    Sender.Tell("stored", Self);
                }
                catch (Agents.Persistence.Journal.WriteRejectedException)
                {
                    Sender.Tell("rejected", Self);
                }
            });
            Command<AddNested>(c => Persist(new SpecEvent(c.Outer), outer =>
            {
                Reply(outer);
                Persist(new SpecEvent(c.Inner), Reply);
            }));
            Command<Lock>(_ => BecomeStacked(() =>
            {
                Command<Add>(_ => Sender.Tell("locked", Self));
                Command<Unlock>(_ => Unbecome());
            }));
            Command<AddUnregistered>(c => Persist(new SpecUnregisteredEvent(c.Value), _ => Sender.Tell("handler ran for a rejected event", Self)));
            Command<GetState>(_ => Sender.Tell(new EntityState([.. _values], LastSequenceNr, SnapshotSequenceNr, [.. _recoveryLog]), Self));
            Command<TakeSnapshot>(_ => SaveSnapshot(new SpecSnapshot(string.Join('|', _values))));
            Command<TakeUnserializableSnapshot>(_ => SaveSnapshot(new SpecUnregisteredEvent("state")));
            Command<DeleteUpTo>(c => DeleteMessages(c.ToSequenceNr));
            Command<DeleteSnapshotAt>(c => DeleteSnapshot(c.SequenceNr));
            Command<DeleteSnapshotsUpTo>(c => DeleteSnapshots(new SnapshotSelectionCriteria(c.MaxSequenceNr)));
            Command<DeleteSnapshotSuccess>(m => _reporter.Tell(m, Self));
            Command<DeleteSnapshotsSuccess>(m => _reporter.Tell(m, Self));
            Command<SaveSnapshotSuccess>(m => _reporter.Tell(m, Self));
            Command<SaveSnapshotFailure>(m => _reporter.Tell(m, Self));
            Command<DeleteMessagesSuccess>(m => _reporter.Tell(m, Self));
            Command<DeleteMessagesFailure>(m => _reporter.Tell(m, Self));
        }

        public override string PersistenceId => _persistenceId;

        public override Recovery Recovery => _recovery ?? base.Recovery;

        protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
        {
            _reporter.Tell(new Failed(cause, sequenceNr), Self);
            base.OnPersistFailure(cause, @event, sequenceNr);
        }

        protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
        {
            _reporter.Tell(new Rejected(cause, sequenceNr), Self);
            base.OnPersistRejected(cause, @event, sequenceNr);
        }

        protected override void OnRecoveryFailure(Exception cause, object? @event)
        {
            _reporter.Tell(new RecoveryFailed(cause, @event), Self);
            base.OnRecoveryFailure(cause, @event);
        }

        private void Reply(SpecEvent e)
        {
            _values.Add(e.Value);
            Sender.Tell(new Persisted(e.Value, LastSequenceNr), Self);
        }
    }
}
