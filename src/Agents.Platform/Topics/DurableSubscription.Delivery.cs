using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

// Acknowledgements, redelivery and storing the offset.
internal sealed partial class DurableSubscription
{
    // Every event delivered and not yet passed by the acknowledged offset, in log order; acknowledged ones wait here
    // until the ones before them are acknowledged too.
    private readonly Queue<Delivery> _inFlight = new();
    private readonly Dictionary<TopicOffset, Delivery> _unacked = [];
    private TopicOffset _committed;
    private TopicOffset _stored;
    private int _acksSinceStore;
    private bool _storing;

    private void Send(Delivery delivery)
    {
        delivery.SentAt = _time.GetUtcNow();
        _subscriber?.Tell(new TopicEvent(_id, delivery.Envelope), Self);
    }

    private void OnAck(TopicEventAck ack)
    {
        if (!string.Equals(ack.SubscriptionId, _id, StringComparison.Ordinal) || !_unacked.Remove(ack.Offset, out var delivery))
        {
            // A repeat, or an event of a reader that was replaced since: nothing is in flight for it.
            return;
        }

        delivery.Acknowledged = true;
        _window.Release();
        while (_inFlight.TryPeek(out var first) && first.Acknowledged)
        {
            _committed = _inFlight.Dequeue().Envelope.Offset;
        }

        if (_unacked.Count == 0)
        {
            Timers.Cancel(RedeliveryDue.Instance);
        }

        if (++_acksSinceStore >= _options.OffsetStoreBatch)
        {
            StoreOffset();
        }
        else if (_committed > _stored && !Timers.IsTimerActive(StoreDue.Instance))
        {
            Timers.StartSingleTimer(StoreDue.Instance, StoreDue.Instance, _options.OffsetStoreInterval);
        }
    }

    private void Redeliver()
    {
        var now = _time.GetUtcNow();
        var count = 0;
        foreach (var delivery in _inFlight)
        {
            if (!delivery.Acknowledged && now - delivery.SentAt >= _options.RedeliveryInterval)
            {
                Send(delivery);
                count++;
            }
        }

        if (count > 0)
        {
            TopicServiceLog.Redelivering(Log, _id, count);
        }

        ScheduleRedelivery();
    }

    /// <summary>Starts the redelivery timer for the oldest unacknowledged delivery, unless it runs already.</summary>
    private void ScheduleRedelivery()
    {
        if (_unacked.Count == 0 || Timers.IsTimerActive(RedeliveryDue.Instance))
        {
            return;
        }

        var oldest = DateTimeOffset.MaxValue;
        foreach (var delivery in _unacked.Values)
        {
            oldest = delivery.SentAt < oldest ? delivery.SentAt : oldest;
        }

        var due = oldest + _options.RedeliveryInterval - _time.GetUtcNow();
        Timers.StartSingleTimer(RedeliveryDue.Instance, RedeliveryDue.Instance, due > TimeSpan.Zero ? due : TimeSpan.FromTicks(1));
    }

    private void StoreOffset()
    {
        if (_storing || _committed <= _stored)
        {
            return;
        }

        _storing = true;
        _acksSinceStore = 0;
        Timers.Cancel(StoreDue.Instance);
        var offset = _committed;
        _offsets.StoreOffsetAsync(_id, offset).PipeTo(
            Self, success: _ => new OffsetStored(offset, null), failure: e => new OffsetStored(offset, e));
    }

    private void OnOffsetStored(OffsetStored stored)
    {
        _storing = false;
        if (stored.Error is not null)
        {
            TopicServiceLog.OffsetStoreFailed(Log, _id, stored.Offset, stored.Error);
        }
        else if (stored.Offset > _stored)
        {
            _stored = stored.Offset;
        }

        if (_committed <= _stored)
        {
            return;
        }

        if (stored.Error is null && _acksSinceStore >= _options.OffsetStoreBatch)
        {
            StoreOffset();
        }
        else if (!Timers.IsTimerActive(StoreDue.Instance))
        {
            Timers.StartSingleTimer(StoreDue.Instance, StoreDue.Instance, _options.OffsetStoreInterval);
        }
    }

    /// <summary>An event delivered and not yet passed by the acknowledged offset.</summary>
    private sealed class Delivery(TopicEnvelope envelope, DateTimeOffset sentAt)
    {
        public TopicEnvelope Envelope { get; } = envelope;

        public DateTimeOffset SentAt { get; set; } = sentAt;

        public bool Acknowledged { get; set; }
    }

    private sealed record RedeliveryDue
    {
        public static RedeliveryDue Instance { get; } = new();
    }

    private sealed record StoreDue
    {
        public static StoreDue Instance { get; } = new();
    }

    private sealed record OffsetStored(TopicOffset Offset, Exception? Error);
}
