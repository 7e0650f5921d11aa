namespace Agents.Hocon.Parsing;

/// <summary>
/// Reuses the string instances of short keys and values that repeat within one document (configuration
/// repeats <c>enabled</c>, <c>timeout</c>, <c>host</c> ... many times). A direct-mapped table: a miss just
/// allocates and takes the slot. Lives for one parse only.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 32;
    private const int Size = 4096;
    private readonly string?[] _slots = new string?[Size];

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
        ref var slot = ref _slots[hash & (Size - 1)];
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
