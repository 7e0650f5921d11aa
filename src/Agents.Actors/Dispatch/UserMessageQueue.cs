namespace Agents.Actors;

/// <summary>
/// The lock-free multi-producer, single-consumer FIFO behind a mailbox. It is a chain of array
/// segments: the first one (4 slots) is allocated by the first message, so an actor that was
/// never sent anything pays nothing; later segments are sized from the backlog (16 to 1024 slots),
/// so a mostly-empty queue allocates small blocks and a flooded one large ones. When the consumer
/// has read every slot handed out, it rewinds the last segment to its start, so an actor whose
/// backlog fits one segment keeps reusing it.
/// </summary>
/// <remarks>
/// <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/> would allocate a 32-slot segment
/// up front, several hundred bytes per idle actor. Messages from one producer keep their order:
/// a producer's slots are reserved in increasing order and the consumer reads slots in order.
/// This is a mutable struct embedded in <see cref="Mailbox"/>; it must never be copied.
/// </remarks>
internal struct UserMessageQueue
{
    private const int FirstCapacity = 4;
    private const int MinCapacity = 16;
    private const int MaxCapacity = 1024;

    // Written once by the producer that allocates the first segment, afterwards only by the consumer.
    private MessageSegment? _head;
    private MessageSegment? _tail;
    private int _headIndex;

    public void Enqueue(object message, IActorRef? sender)
    {
        var segment = Volatile.Read(ref _tail) ?? InstallFirstSegment();
        while (true)
        {
            var index = Interlocked.Increment(ref segment.Reserved) - 1;
            var slots = segment.Slots;
            if ((uint)index < (uint)slots.Length)
            {
                ref var slot = ref slots[index];
                slot.Sender = sender;
                // A full fence: the slot is published before the caller reads the mailbox status, so
                // either the consumer sees this message or the caller sees the mailbox idle and schedules it.
                Interlocked.Exchange(ref slot.Message, message);
                return;
            }
            segment = Grow(segment);
        }
    }

    /// <summary>Takes the oldest message. Consumer only.</summary>
    public bool TryDequeue(out object message, out IActorRef? sender)
    {
        var segment = Volatile.Read(ref _head);
        if (segment is not null)
        {
            var index = _headIndex;
            while (true)
            {
                var slots = segment.Slots;
                if ((uint)index < (uint)slots.Length)
                {
                    ref var slot = ref slots[index];
                    var taken = Volatile.Read(ref slot.Message);
                    if (taken is null)
                    {
                        break;
                    }
                    message = taken;
                    sender = slot.Sender;
                    slot = default;
                    _headIndex = index + 1;
                    return true;
                }
                var next = Volatile.Read(ref segment.Next);
                if (next is null)
                {
                    break;
                }
                Volatile.Write(ref _head, next);
                _headIndex = index = 0;
                segment = next;
            }
            if (index > 0 && Interlocked.CompareExchange(ref segment.Reserved, 0, index) == index)
            {
                // Every slot handed out so far has been read, and no producer holds a reservation in
                // this segment: rewind it instead of letting the next messages fill (and then allocate)
                // further segments. A producer that reserves after the rewind gets slot 0, 1, ... in
                // order. Without this a busy actor allocates 16 bytes of segment per message.
                _headIndex = 0;
            }
        }
        message = null!;
        sender = null;
        return false;
    }

    /// <summary>
    /// Whether a published message is waiting. Exact for the consumer; other threads get a snapshot
    /// that may be stale but never throws.
    /// </summary>
    public readonly bool HasMessages
    {
        get
        {
            var segment = Volatile.Read(in _head);
            if (segment is null)
            {
                return false;
            }
            var index = _headIndex;
            var slots = segment.Slots;
            if ((uint)index < (uint)slots.Length)
            {
                return Volatile.Read(in slots[index].Message) is not null;
            }
            var next = Volatile.Read(in segment.Next);
            return next is not null && Volatile.Read(in next.Slots[0].Message) is not null;
        }
    }

    /// <summary>An estimate of the number of queued messages, readable from any thread.</summary>
    public readonly int Count
    {
        get
        {
            var tail = Volatile.Read(in _tail);
            var head = Volatile.Read(in _head);
            if (tail is null || head is null)
            {
                return 0;
            }
            // The consumer index is read before the reservations: across a rewind of the segment (see
            // TryDequeue) the estimate can then only come out too low, never too high.
            var dequeued = head.BaseIndex + Volatile.Read(in _headIndex);
            var enqueued = tail.BaseIndex + Math.Min(Volatile.Read(in tail.Reserved), tail.Slots.Length);
            var count = enqueued - dequeued;
            return count <= 0 ? 0 : count >= int.MaxValue ? int.MaxValue : (int)count;
        }
    }

    private MessageSegment InstallFirstSegment()
    {
        var created = new MessageSegment(FirstCapacity, 0);
        // The head is only ever null before the first segment exists, so this CAS picks the one first segment.
        var first = Interlocked.CompareExchange(ref _head, created, null) ?? created;
        Interlocked.CompareExchange(ref _tail, first, null);
        return Volatile.Read(ref _tail)!;
    }

    private MessageSegment Grow(MessageSegment full)
    {
        var next = Volatile.Read(ref full.Next);
        if (next is null)
        {
            var created = new MessageSegment(NextCapacity(full), full.BaseIndex + full.Slots.Length);
            next = Interlocked.CompareExchange(ref full.Next, created, null) ?? created;
        }
        Interlocked.CompareExchange(ref _tail, next, full);
        return next;
    }

    private readonly int NextCapacity(MessageSegment full)
    {
        var head = Volatile.Read(in _head);
        var backlog = head is null ? 0 : full.BaseIndex + full.Slots.Length - (head.BaseIndex + _headIndex);
        if (backlog <= MinCapacity)
        {
            return MinCapacity;
        }
        return backlog >= MaxCapacity ? MaxCapacity : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)backlog);
    }
}
