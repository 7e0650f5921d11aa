using Agents.Actors;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// Keeps one <see cref="BenchEntity.Write"/> outstanding at each entity: sends the next as soon as the previous is
/// acknowledged, until <see cref="Stop"/>; then completes <see cref="Drained"/> once every outstanding write was
/// acknowledged. Counts acknowledgements. An actor rather than tasks with Ask, so the figure is the entities' cost.
/// </summary>
internal sealed class EntityPump : ReceiveActor
{
    private long _acknowledged;
    private int _outstanding;
    private bool _stopping;

    public EntityPump(IReadOnlyList<IActorRef> entities, TaskCompletionSource<long> drained)
    {
        Receive<Start>(_ =>
        {
            foreach (var entity in entities)
            {
                entity.Tell(BenchEntity.Write.Instance, Self);
            }

            _outstanding = entities.Count;
        });
        Receive<BenchEntity.Written>(_ =>
        {
            _acknowledged++;
            if (!_stopping)
            {
                Sender.Tell(BenchEntity.Write.Instance, Self);
            }
            else if (--_outstanding == 0)
            {
                drained.TrySetResult(_acknowledged);
            }
        });
        Receive<Stop>(_ => _stopping = true);
    }

    /// <summary>Begin: one write to every entity.</summary>
    public sealed class Start
    {
        public static Start Instance { get; } = new();
    }

    /// <summary>Send no more writes.</summary>
    public sealed class Stop
    {
        public static Stop Instance { get; } = new();
    }
}
