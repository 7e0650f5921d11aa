using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Delivery;
using Xunit;

namespace Agents.TestKit.Persistence;

// At-least-once delivery state kept in the store's snapshots: deliveries to paths, saved, recovered and sent again.
public abstract partial class PersistentActorSpec
{
    private sealed record Dispatch(string Payload);

    private sealed record Acknowledge(long DeliveryId);

    private sealed class SnapshotDeliveries
    {
        public static SnapshotDeliveries Instance { get; } = new();
    }

    /// <summary>
    /// Deliveries to an actor path saved as a delivery snapshot in the store are sent again, with their ids and
    /// messages, by the next incarnation after it recovers from that snapshot; confirmed ones are not.
    /// </summary>
    [Fact]
    public void Unconfirmed_deliveries_saved_in_a_snapshot_are_sent_again_after_a_restart()
    {
        var id = PersistenceIdOf("dispatcher");
        var reporter = CreateTestProbe();
        var first = StartDispatcher(id, reporter);
        first.Tell(new Dispatch("confirmed"), TestActor);
        var confirmed = ExpectMsg<SpecParcel>();
        first.Tell(new Dispatch("pending"), TestActor);
        var pending = ExpectMsg<SpecParcel>();
        first.Tell(new Acknowledge(confirmed.DeliveryId), TestActor);
        first.Tell(SnapshotDeliveries.Instance, TestActor);
        reporter.ExpectMsg<SaveSnapshotSuccess>();
        Stop(first);

        var second = StartDispatcher(id, reporter);

        Assert.Equal(pending, ExpectMsg<SpecParcel>());
        var restored = reporter.ExpectMsg<AtLeastOnceDeliverySnapshot>();
        Assert.Equal(pending.DeliveryId, Assert.Single(restored.UnconfirmedDeliveries).DeliveryId);
        Assert.Equal(TestActor.Path.ToString(), restored.UnconfirmedDeliveries[0].Destination.ToString());
        second.Tell(new Dispatch("next"), TestActor);
        Assert.Equal(new SpecParcel(pending.DeliveryId + 1, "next"), ExpectMsg<SpecParcel>());
    }

    private IActorRef StartDispatcher(string persistenceId, TestProbe reporter)
    {
        _ = Persistence;
        var destination = TestActor.Path;
        var to = reporter.Ref;
        return Sys.ActorOf(Props.Create(() => new SnapshottingDispatcher(persistenceId, destination, to)));
    }

    /// <summary>Delivers to a path without persisting events; its delivery state lives only in its snapshots.</summary>
    private sealed class SnapshottingDispatcher : AtLeastOnceDeliveryReceiveActor
    {
        private readonly string _persistenceId;

        public SnapshottingDispatcher(string persistenceId, ActorPath destination, IActorRef reporter)
        {
            _persistenceId = persistenceId;
            Recover<SnapshotOffer>(offer =>
            {
                var snapshot = (AtLeastOnceDeliverySnapshot)offer.Snapshot;
                SetDeliverySnapshot(snapshot);
                reporter.Tell(snapshot, Self);
            });
            Command<Dispatch>(c => Deliver(destination, id => new SpecParcel(id, c.Payload)));
            Command<Acknowledge>(c => ConfirmDelivery(c.DeliveryId));
            Command<SnapshotDeliveries>(_ => SaveSnapshot(GetDeliverySnapshot()));
            Command<SaveSnapshotSuccess>(s => reporter.Tell(s, Self));
            Command<SaveSnapshotFailure>(f => reporter.Tell(f, Self));
        }

        public override string PersistenceId => _persistenceId;

        public override TimeSpan RedeliverInterval => s_redeliver;
    }
}
