using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Serialization;

namespace Agents.Node.Tests;

/// <summary>A persistent counter: <see cref="Add"/> persists <see cref="Added"/> and replies with the new total.</summary>
internal sealed class CounterActor : ReceivePersistentActor
{
    private readonly string _id;
    private int _total;

    public CounterActor(string id)
    {
        _id = id;
        Recover<Added>(added => _total += added.Amount);
        Command<Add>(add => Persist(new Added(add.Amount), added =>
        {
            _total += added.Amount;
            Sender.Tell(_total);
        }));
        Command<GetTotal>(_ => Sender.Tell(_total));
    }

    public override string PersistenceId => _id;

    public sealed record Add(int Amount);

    public sealed record GetTotal;

    [Manifest("test.counter.added")]
    public sealed record Added(int Amount);

    public static Props Props(string id) => Agents.Actors.Props.Create(() => new CounterActor(id));
}
