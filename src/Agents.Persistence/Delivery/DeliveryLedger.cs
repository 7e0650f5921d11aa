using Agents.Actors;

namespace Agents.Persistence.Delivery;

/// <summary>
/// The bookkeeping of at-least-once delivery (Akka.NET's <c>AtLeastOnceDeliverySemantic</c>): delivery ids, the
/// unconfirmed deliveries with their attempts and last send time, and which of them are due again. Time is read as
/// timestamps of the actor system's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DeliveryLedger(TimeProvider time)
{
    private readonly SortedDictionary<long, Entry> _unconfirmed = [];

    public long CurrentDeliveryId { get; private set; }

    public int Count => _unconfirmed.Count;

    /// <summary>
    /// Records a new delivery to <paramref name="destination"/>, sent through <paramref name="target"/> when known (an
    /// actor ref in this incarnation) or else through a selection of the path; sent now (one attempt) or, during
    /// recovery, recorded as already due.
    /// </summary>
    public (long DeliveryId, object Message) Add(
        ActorPath destination, IActorRef? target, Func<long, object> mapper, bool send, TimeSpan interval)
    {
        var id = CurrentDeliveryId + 1;
        var message = mapper(id) ?? throw new InvalidOperationException(
            $"The message mapper of delivery {id} to {destination} returned null; it must build the message to send.");
        CurrentDeliveryId = id;
        var now = time.GetTimestamp();
        _unconfirmed[id] = send
            ? new Entry(destination, target, message, now, Attempts: 1)
            : new Entry(destination, target, message, Due(now, interval), Attempts: 0);
        return (id, message);
    }

    public bool Confirm(long deliveryId) => _unconfirmed.Remove(deliveryId);

    /// <summary>
    /// Sends again through <paramref name="send"/>, oldest first, at most <paramref name="burstLimit"/> deliveries
    /// whose last attempt is at least <paramref name="interval"/> ago; returns those that just reached
    /// <paramref name="warnAfter"/> attempts.
    /// </summary>
    public List<UnconfirmedDelivery> Redeliver(Action<ActorPath, IActorRef?, object> send, TimeSpan interval, int burstLimit, int warnAfter)
    {
        var now = time.GetTimestamp();
        var warnings = new List<UnconfirmedDelivery>();
        var due = _unconfirmed.Where(pair => time.GetElapsedTime(pair.Value.SentAt, now) >= interval).Take(burstLimit).ToList();
        foreach (var (id, entry) in due)
        {
            send(entry.Destination, entry.Target, entry.Message);
            var sent = entry with { SentAt = now, Attempts = entry.Attempts + 1 };
            _unconfirmed[id] = sent;
            if (sent.Attempts == warnAfter)
            {
                warnings.Add(new UnconfirmedDelivery(id, entry.Destination, entry.Message));
            }
        }

        return warnings;
    }

    public AtLeastOnceDeliverySnapshot Snapshot() =>
        new(CurrentDeliveryId, [.. _unconfirmed.Select(pair => new UnconfirmedDelivery(pair.Key, pair.Value.Destination, pair.Value.Message))]);

    /// <summary>Replaces the state with <paramref name="snapshot"/>; its deliveries are due at once, sent by path.</summary>
    public void Restore(AtLeastOnceDeliverySnapshot snapshot, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var due = Due(time.GetTimestamp(), interval);
        _unconfirmed.Clear();
        CurrentDeliveryId = snapshot.CurrentDeliveryId;
        foreach (var delivery in snapshot.UnconfirmedDeliveries)
        {
            _unconfirmed[delivery.DeliveryId] = new Entry(delivery.Destination, Target: null, delivery.Message, due, Attempts: 0);
            CurrentDeliveryId = Math.Max(CurrentDeliveryId, delivery.DeliveryId);
        }
    }

    /// <summary>A send time one interval before <paramref name="now"/>, so the delivery is due at once.</summary>
    private long Due(long now, TimeSpan interval) => now - (long)(interval.Ticks * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    private sealed record Entry(ActorPath Destination, IActorRef? Target, object Message, long SentAt, int Attempts);
}
