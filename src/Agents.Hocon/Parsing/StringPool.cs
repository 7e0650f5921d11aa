namespace Agents.Hocon.Parsing;

/// <summary>
/// Reuses the string instances of short keys and values that repeat within one document (configuration
/// repeats <c>enabled</c>, <c>timeout</c>, <c>host</c> ... many times). A direct-mapped table: a miss just
/// allocates and takes the slot. The parser uses it, and then the document's scalars when they are
/// first read; threads reading at once may race for a slot, which costs at most a missed reuse.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 32;
    private const int MinSize = 64;
    private const int MaxSize = 4096;
    private readonly string?[] _slots;

    /// <summary>A pool sized for a document of <paramref name="textLength"/> characters: one slot per 64.</summary>
    public StringPool(int textLength) =>
        _slots = new string?[Math.Clamp((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(textLength, 1) / 64), MinSize, MaxSize)];

    public string Get(string text, int start, int length)
    {
        if (length > MaxPooledLength)
        {
            return text.Substring(start, length);
        }
        var span = text.AsSpan(start, length);
        // A few sampled characters make a good enough slot index; equality is always checked in full.
        var hash = (uint)length;
        if (length > 0)
        {
            hash = (((hash * 31 + span[0]) * 31 + span[length - 1]) * 31 + span[length >> 1]) * 31 + span[(length * 3) >> 2];
            hash ^= hash >> 11;
        }
        var slots = _slots;
        ref var slot = ref slots[hash & (uint)(slots.Length - 1)];
        var pooled = slot;
        if (pooled is not null && pooled.Length == length && span.SequenceEqual(pooled))
        {
            return pooled;
        }
        pooled = length == 0 ? string.Empty : span.ToString();
        slot = pooled;
        return pooled;
    }
}
