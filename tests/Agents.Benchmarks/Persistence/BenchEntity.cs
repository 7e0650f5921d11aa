using Agents.Persistence.Actors;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// The persistent actor of the actor-level figures: each <see cref="BenchEntity.Write"/> persists one
/// <see cref="BenchEvent"/> (with <c>Persist</c>, or <c>PersistAsync</c> when built so) and answers
/// <see cref="BenchEntity.Written"/> to the sender once it is durable; recovery counts the replayed events.
/// </summary>
internal sealed class BenchEntity : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private long _events;

    public BenchEntity(string persistenceId, bool persistAsync = false)
    {
        _persistenceId = persistenceId;
        Recover<BenchEvent>(_ => _events++);
        Command<Write>(_ =>
        {
            var @event = BenchEvent.Create((int)(LastSequenceNr + 1));
            if (persistAsync)
            {
                PersistAsync(@event, Reply);
            }
            else
            {
                Persist(@event, Reply);
            }
        });
        Command<Count>(_ => Sender.Tell(_events, Self));
    }

    public override string PersistenceId => _persistenceId;

    private void Reply(BenchEvent @event)
    {
        _events++;
        Sender.Tell(Written.Instance, Self);
    }

    /// <summary>Persist one event.</summary>
    public sealed class Write
    {
        public static Write Instance { get; } = new();
    }

    /// <summary>The event of a <see cref="Write"/> is durable.</summary>
    public sealed class Written
    {
        public static Written Instance { get; } = new();
    }

    /// <summary>Answer the number of events recovered and persisted (a long); commands wait for recovery.</summary>
    public sealed class Count
    {
        public static Count Instance { get; } = new();
    }
}
