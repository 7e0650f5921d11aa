using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Delivery;
using Xunit;

namespace Agents.TestKit.Persistence;

// At-least-once delivery: redelivery on virtual time, confirmation, warnings, burst limit, survival across restarts.
public abstract partial class PersistentActorSpec
{
    private static readonly TimeSpan s_redeliver = TimeSpan.FromSeconds(10);

    private sealed record Send(string Payload);

    private sealed record Confirm(long DeliveryId);

    private sealed record DeliverUnpersisted(string Payload);

    private sealed record DeliverToPath(ActorPath Destination, string Payload);

    private sealed record Parcel(long DeliveryId, string Payload);

    private sealed class GetDeliveries
    {
        public static GetDeliveries Instance { get; } = new();
    }

    /// <summary>Sends each delivery until it is confirmed, and no more afterwards.</summary>
    [Fact]
    public void Unconfirmed_deliveries_are_sent_again_until_confirmed()
    {
        var courier = StartCourier(PersistenceIdOf("redeliver"));

        courier.Tell(new Send("p"), TestActor);
        var parcel = ExpectMsg<Parcel>();
        Advance(s_redeliver);
        Assert.Equal(parcel, ExpectMsg<Parcel>());

        courier.Tell(new Confirm(parcel.DeliveryId), TestActor);
        Advance(s_redeliver);
        ExpectNoMsg(s_redeliver);
    }

    /// <summary>No delivery is sent again before the interval has passed.</summary>
    [Fact]
    public void Deliveries_are_not_sent_again_before_the_interval()
    {
        var courier = StartCourier(PersistenceIdOf("patient"));

        courier.Tell(new Send("p"), TestActor);
        ExpectMsg<Parcel>();

        ExpectNoMsg(s_redeliver - TimeSpan.FromSeconds(1));
    }

    /// <summary>After the configured number of attempts the actor receives an UnconfirmedWarning naming the delivery.</summary>
    [Fact]
    public void An_UnconfirmedWarning_follows_the_configured_attempts()
    {
        var reporter = CreateTestProbe();
        var courier = StartCourier(PersistenceIdOf("warn"), reporter, warnAfter: 2);

        courier.Tell(new Send("p"), TestActor);
        var parcel = ExpectMsg<Parcel>();
        Advance(s_redeliver);
        ExpectMsg<Parcel>();

        var warning = reporter.ExpectMsg<UnconfirmedWarning>();
        Assert.Equal([parcel.DeliveryId], warning.UnconfirmedDeliveries.Select(d => d.DeliveryId));
    }

    /// <summary>At most the burst limit of deliveries is sent again per tick; the rest follow on later ticks.</summary>
    [Fact]
    public void Redelivery_sends_at_most_the_burst_limit_per_tick()
    {
        var courier = StartCourier(PersistenceIdOf("burst"), burstLimit: 2);
        foreach (var payload in new[] { "a", "b", "c" })
        {
            courier.Tell(new Send(payload), TestActor);
        }

        ReceiveN(3);

        // Ticks come every half interval; step one tick at a time so each tick is processed on its own.
        Advance(s_redeliver / 2);
        Advance(s_redeliver / 2);
        Assert.Equal(["a", "b"], ReceiveN(2).Cast<Parcel>().Select(p => p.Payload));
        ExpectNoMsg(TimeSpan.FromSeconds(1));
        Advance(s_redeliver / 2);
        Assert.Equal("c", ExpectMsg<Parcel>().Payload);
    }

    /// <summary>Deliveries persisted as events and not confirmed are sent again by a new incarnation right after recovery.</summary>
    [Fact]
    public void Unconfirmed_deliveries_are_sent_again_after_a_restart()
    {
        var id = PersistenceIdOf("courier-restart");
        var first = StartCourier(id);
        first.Tell(new Send("confirmed"), TestActor);
        var confirmed = ExpectMsg<Parcel>();
        first.Tell(new Send("pending"), TestActor);
        var pending = ExpectMsg<Parcel>();
        first.Tell(new Confirm(confirmed.DeliveryId), TestActor);
        first.Tell(GetDeliveries.Instance, TestActor);
        Assert.Single(ExpectMsg<AtLeastOnceDeliverySnapshot>().UnconfirmedDeliveries);
        Stop(first);

        StartCourier(id);

        Assert.Equal(pending, ExpectMsg<Parcel>());
        ExpectNoMsg();
    }

    /// <summary>Deliveries restored from a delivery snapshot during recovery are sent right after it, with their ids.</summary>
    [Fact]
    public void Deliveries_restored_from_a_snapshot_are_sent_after_recovery()
    {
        var first = StartCourier(PersistenceIdOf("snapshot-source"));
        first.Tell(new Send("a"), TestActor);
        first.Tell(new Send("b"), TestActor);
        var sent = ReceiveN(2).Cast<Parcel>().ToList();
        first.Tell(GetDeliveries.Instance, TestActor);
        var snapshot = ExpectMsg<AtLeastOnceDeliverySnapshot>();

        var second = StartCourier(PersistenceIdOf("snapshot-target"), restore: snapshot);

        Assert.Equal(sent, ReceiveN(2).Cast<Parcel>());
        second.Tell(new Send("c"), TestActor);
        Assert.Equal(3, ExpectMsg<Parcel>().DeliveryId);
    }

    /// <summary>
    /// A delivery to a path where no actor lives ends as a dead letter and is not lost: it reaches the actor that
    /// is started at that path later (at-least-once).
    /// </summary>
    [Fact]
    public void A_delivery_to_a_path_without_an_actor_is_dead_lettered_then_redelivered_once_it_exists()
    {
        var courier = StartCourier(PersistenceIdOf("by-path"));
        var name = PersistenceIdOf("recipient");
        var path = TestActor.Path.Root / "user" / name;

        courier.Tell(new DeliverToPath(path, "p"), TestActor);
        var lost = Assert.IsType<Parcel>(ExpectDeadLetter<Parcel>(p => p.Payload == "p").Message);

        Sys.ActorOf(Props.Create(() => new Relay(TestActor)), name);
        Advance(s_redeliver);
        Assert.Equal(lost, ExpectMsg<Parcel>());
    }

    /// <summary>Deliver beyond the limit of unconfirmed deliveries throws, naming the limit, and sends nothing.</summary>
    [Fact]
    public void Deliver_beyond_the_unconfirmed_limit_throws()
    {
        var courier = StartCourier(PersistenceIdOf("limit"), maxUnconfirmed: 1);
        courier.Tell(new DeliverUnpersisted("a"), TestActor);
        ExpectMsg<Parcel>();

        courier.Tell(new DeliverUnpersisted("b"), TestActor);

        var error = ExpectMsg<MaxUnconfirmedMessagesExceededException>();
        Assert.Equal(1, error.Limit);
        Assert.Contains("max-unconfirmed-messages", error.Message, StringComparison.Ordinal);
        ExpectNoMsg();
    }

    private IActorRef StartCourier(
        string persistenceId, TestProbe? reporter = null, int warnAfter = 5, int burstLimit = 100,
        AtLeastOnceDeliverySnapshot? restore = null, int maxUnconfirmed = 100)
    {
        _ = Persistence;
        var destination = TestActor;
        var to = reporter?.Ref ?? Sys.DeadLetters;
        return Sys.ActorOf(Props.Create(() => new Courier(persistenceId, destination, to, warnAfter, burstLimit, restore, maxUnconfirmed)));
    }

    private sealed class Courier : AtLeastOnceDeliveryReceiveActor
    {
        private readonly string _persistenceId;
        private readonly IActorRef _destination;
        private readonly int _warnAfter;
        private readonly int _burstLimit;
        private readonly AtLeastOnceDeliverySnapshot? _restore;
        private readonly int _maxUnconfirmed;

        public Courier(
            string persistenceId, IActorRef destination, IActorRef reporter, int warnAfter, int burstLimit,
            AtLeastOnceDeliverySnapshot? restore, int maxUnconfirmed)
        {
            _maxUnconfirmed = maxUnconfirmed;
            _persistenceId = persistenceId;
            _destination = destination;
            _warnAfter = warnAfter;
            _burstLimit = burstLimit;
            _restore = restore;

            Recover<SpecEvent>(Apply);
            Command<Send>(c => Persist(new SpecEvent("sent:" + c.Payload), Apply));
            Command<Confirm>(c => Persist(new SpecEvent("confirmed:" + c.DeliveryId), Apply));
            Command<DeliverUnpersisted>(c =>
            {
                try
                {
                    Deliver(_destination, id => new Parcel(id, c.Payload));
                }
                catch (MaxUnconfirmedMessagesExceededException e)
                {
                    Sender.Tell(e, Self);
                }
            });
            Command<DeliverToPath>(c => Deliver(c.Destination, id => new Parcel(id, c.Payload)));
            Command<GetDeliveries>(_ => Sender.Tell(GetDeliverySnapshot(), Self));
            Command<UnconfirmedWarning>(w => reporter.Tell(w, Self));
        }

        public override string PersistenceId => _persistenceId;

        public override TimeSpan RedeliverInterval => s_redeliver;

        public override int WarnAfterNumberOfUnconfirmedAttempts => _warnAfter;

        public override int RedeliveryBurstLimit => _burstLimit;

        public override int MaxUnconfirmedMessages => _maxUnconfirmed;

        protected override void PreStart()
        {
            if (_restore is not null)
            {
                SetDeliverySnapshot(_restore);
            }
        }

        private void Apply(SpecEvent e)
        {
            var (kind, value) = (e.Value[..e.Value.IndexOf(':', StringComparison.Ordinal)], e.Value[(e.Value.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            if (kind == "sent")
            {
                Deliver(_destination, id => new Parcel(id, value));
            }
            else
            {
                ConfirmDelivery(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Passes every message on to the test, standing in for a delivery destination.</summary>
    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target) => ReceiveAny(message => target.Tell(message, Sender));
    }
}
