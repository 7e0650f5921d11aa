namespace Agents.Actors;

/// <summary>
/// One block of slots of a <see cref="UserMessageQueue"/>. Producers reserve a slot with one
/// <see cref="Interlocked.Increment(ref int)"/> on <see cref="Reserved"/> and publish it by writing
/// the message last; a slot whose message is still null is not yet readable.
/// </summary>
internal sealed class MessageSegment
{
    public readonly Envelope[] Slots;

    /// <summary>How many messages went through the segments before this one (for the depth estimate).</summary>
    public readonly long BaseIndex;

    /// <summary>
    /// Slots handed out to producers; grows past the length when producers race for a full segment.
    /// The consumer sets it back to 0 (one compare-and-swap) when it has read every slot handed out.
    /// </summary>
    public int Reserved;

    public MessageSegment? Next;

    public MessageSegment(int capacity, long baseIndex)
    {
        Slots = new Envelope[capacity];
        BaseIndex = baseIndex;
    }
}
