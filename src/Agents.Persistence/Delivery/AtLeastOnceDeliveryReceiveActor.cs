using Agents.Persistence.Actors;
using Agents.Actors;

namespace Agents.Persistence.Delivery;

/// <summary>
/// A persistent actor that sends messages at least once (Akka.NET's <c>AtLeastOnceDeliveryReceiveActor</c>):
/// <see cref="Deliver(ActorPath, Func{long, object})"/> sends a message carrying a delivery id and sends it again every
/// <see cref="RedeliverInterval"/> until <see cref="ConfirmDelivery"/> is called with that id (typically when the
/// destination's acknowledgement arrives).
/// </summary>
/// <remarks>
/// The deliveries survive a restart when they are event-sourced: persist "sent" and "confirmed" events and call
/// <see cref="Deliver(ActorPath, Func{long, object})"/> and <see cref="ConfirmDelivery"/> from their handlers. During
/// recovery <c>Deliver</c> only records; the deliveries still unconfirmed when recovery ends are sent again right after it. Snapshots can carry
/// the deliveries too (<see cref="GetDeliverySnapshot"/>, <see cref="SetDeliverySnapshot"/>). Redelivery runs on a
/// timer of the actor system's <see cref="TimeProvider"/>, at half the interval.
/// </remarks>
public abstract class AtLeastOnceDeliveryReceiveActor : ReceivePersistentActor
{
    private const string RedeliveryTimer = "agents.persistence.redelivery";

    private readonly DeliveryLedger _ledger;
    private readonly Action<ActorPath, IActorRef?, object> _send;

    /// <summary>Binds the actor to its system's persistence and clock.</summary>
    protected AtLeastOnceDeliveryReceiveActor()
    {
        _ledger = new DeliveryLedger(Context.System.TimeProvider);
        _send = Send;
    }

    /// <summary>How long a delivery waits for its confirmation before it is sent again.</summary>
    /// <value>Default <see cref="AtLeastOnceDeliveryOptions.RedeliverInterval"/> of the system (5 seconds).</value>
    public virtual TimeSpan RedeliverInterval => Persistence.Options.AtLeastOnceDelivery.RedeliverInterval;

    /// <summary>The most deliveries sent again per redelivery tick.</summary>
    /// <value>Default <see cref="AtLeastOnceDeliveryOptions.RedeliveryBurstLimit"/> of the system (10,000).</value>
    public virtual int RedeliveryBurstLimit => Persistence.Options.AtLeastOnceDelivery.RedeliveryBurstLimit;

    /// <summary>After this many attempts of a delivery the actor receives an <see cref="UnconfirmedWarning"/>.</summary>
    /// <value>Default <see cref="AtLeastOnceDeliveryOptions.WarnAfterNumberOfUnconfirmedAttempts"/> of the system (5).</value>
    public virtual int WarnAfterNumberOfUnconfirmedAttempts => Persistence.Options.AtLeastOnceDelivery.WarnAfterNumberOfUnconfirmedAttempts;

    /// <summary>The most deliveries waiting for confirmation; <see cref="Deliver(ActorPath, Func{long, object})"/> beyond it throws.</summary>
    /// <value>Default <see cref="AtLeastOnceDeliveryOptions.MaxUnconfirmedMessages"/> of the system (100,000).</value>
    public virtual int MaxUnconfirmedMessages => Persistence.Options.AtLeastOnceDelivery.MaxUnconfirmedMessages;

    /// <summary>The number of deliveries waiting for confirmation.</summary>
    public int UnconfirmedCount => _ledger.Count;

    /// <summary>
    /// Sends the message that <paramref name="deliveryMessageMapper"/> builds from a new delivery id to the actor at
    /// <paramref name="destination"/> (through an actor selection, with this actor as sender), and again until the id
    /// is confirmed. During recovery the delivery is only recorded, and sent when recovery ends if it was not
    /// confirmed by then. A path, unlike a ref, survives in a snapshot (<see cref="GetDeliverySnapshot"/>).
    /// </summary>
    /// <exception cref="MaxUnconfirmedMessagesExceededException"><see cref="MaxUnconfirmedMessages"/> deliveries are already waiting.</exception>
    protected void Deliver(ActorPath destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(destination);
        DeliverTo(destination, target: null, deliveryMessageMapper);
    }

    /// <summary>
    /// Sends the message that <paramref name="deliveryMessageMapper"/> builds from a new delivery id to
    /// <paramref name="destination"/> (with this actor as sender), and again until the id is confirmed. During
    /// recovery the delivery is only recorded, and sent when recovery ends if it was not confirmed by then. The
    /// ref is used while this incarnation lives; a delivery restored from a snapshot goes to the ref's path.
    /// </summary>
    /// <exception cref="MaxUnconfirmedMessagesExceededException"><see cref="MaxUnconfirmedMessages"/> deliveries are already waiting.</exception>
    protected void Deliver(IActorRef destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(destination);
        DeliverTo(destination.Path, destination, deliveryMessageMapper);
    }

    /// <summary>Stops sending delivery <paramref name="deliveryId"/>.</summary>
    /// <returns>Whether it was waiting (false when already confirmed or unknown).</returns>
    protected bool ConfirmDelivery(long deliveryId) => _ledger.Confirm(deliveryId);

    /// <summary>The current deliveries, to save with the actor's snapshot.</summary>
    public AtLeastOnceDeliverySnapshot GetDeliverySnapshot() => _ledger.Snapshot();

    /// <summary>
    /// Replaces the deliveries with <paramref name="snapshot"/>'s (typically in the <see cref="SnapshotOffer"/>
    /// handler); they are sent again when recovery ends, or at the next redelivery tick after it.
    /// </summary>
    public void SetDeliverySnapshot(AtLeastOnceDeliverySnapshot snapshot) => _ledger.Restore(snapshot, RedeliverInterval);

    private void DeliverTo(ActorPath destination, IActorRef? target, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(deliveryMessageMapper);
        if (_ledger.Count >= MaxUnconfirmedMessages)
        {
            throw new MaxUnconfirmedMessagesExceededException(PersistenceId, MaxUnconfirmedMessages);
        }

        var (_, message) = _ledger.Add(destination, target, deliveryMessageMapper, send: !IsRecovering, RedeliverInterval);
        if (!IsRecovering)
        {
            Send(destination, target, message);
        }
    }

    private void Send(ActorPath destination, IActorRef? target, object message)
    {
        if (target is not null)
        {
            target.Tell(message, Self);
        }
        else
        {
            Context.ActorSelection(destination.ToString()).Tell(message, Self);
        }
    }

    private protected override bool TryReceiveInternal(object message)
    {
        if (message is not RedeliveryTick)
        {
            return false;
        }

        RedeliverOverdue();
        return true;
    }

    private protected override void OnRecoverySucceeded()
    {
        RedeliverOverdue();
        var interval = RedeliverInterval;
        var tick = interval / 2 > TimeSpan.Zero ? interval / 2 : interval;
        Timers.StartPeriodicTimer(RedeliveryTimer, RedeliveryTick.Instance, tick);
    }

    private void RedeliverOverdue()
    {
        var warnings = _ledger.Redeliver(_send, RedeliverInterval, RedeliveryBurstLimit, WarnAfterNumberOfUnconfirmedAttempts);
        if (warnings.Count > 0)
        {
            Self.Tell(new UnconfirmedWarning(warnings), Self);
        }
    }
}
