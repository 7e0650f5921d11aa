namespace Agents.Persistence.Topics;

/// <summary>
/// A position in a topic log, in the order the log delivers its events. Positions compare by
/// <see cref="Batch"/>, then <see cref="Sequence"/>; every event delivered after another has a greater offset, so a
/// handler can skip a repeat after a restart by comparing with the last offset it handled.
/// </summary>
/// <remarks>
/// <see cref="Sequence"/> alone is unique per event and serves as its delivery id, but it does not order events:
/// a store hands it out before commit, so an event with a smaller sequence may commit (and be delivered) later.
/// <see cref="Batch"/> is what makes the order safe to resume from. In PostgreSQL it is the id of the writing
/// transaction (<c>xid8</c>); the in-memory log numbers its appends.
/// </remarks>
/// <param name="Batch">The unit of writing that stored the event: PostgreSQL's transaction id, the in-memory log's append number.</param>
/// <param name="Sequence">The event's unique number in the log, assigned when it is stored.</param>
public readonly record struct TopicOffset(ulong Batch, long Sequence) : IComparable<TopicOffset>
{
    /// <summary>The position before the first event: reading after it reads the whole log.</summary>
    public static TopicOffset Start => default;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> in the log.</summary>
    public static bool operator <(TopicOffset left, TopicOffset right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> in the log.</summary>
    public static bool operator >(TopicOffset left, TopicOffset right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is it.</summary>
    public static bool operator <=(TopicOffset left, TopicOffset right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is it.</summary>
    public static bool operator >=(TopicOffset left, TopicOffset right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public int CompareTo(TopicOffset other)
    {
        var batch = Batch.CompareTo(other.Batch);
        return batch != 0 ? batch : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>The offset as <c>batch:sequence</c>, e.g. for logs and the management API.</summary>
    public override string ToString() => $"{Batch}:{Sequence}";
}
