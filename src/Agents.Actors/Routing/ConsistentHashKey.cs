using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Agents.Actors.Routing;

/// <summary>Turns a consistent-hashing key into its position on the ring, the same in every process.</summary>
internal static class ConsistentHashKey
{
    public static uint HashOf(object key)
    {
        Span<byte> number = stackalloc byte[16];
        switch (key)
        {
            case string text:
                return HashOf(text);
            case byte[] bytes:
                return MurmurHash3.Hash(bytes, 0);
            case int value:
                BinaryPrimitives.WriteInt32LittleEndian(number, value);
                return MurmurHash3.Hash(number[..4], 0);
            case long value:
                BinaryPrimitives.WriteInt64LittleEndian(number, value);
                return MurmurHash3.Hash(number[..8], 0);
            case uint value:
                BinaryPrimitives.WriteUInt32LittleEndian(number, value);
                return MurmurHash3.Hash(number[..4], 0);
            case ulong value:
                BinaryPrimitives.WriteUInt64LittleEndian(number, value);
                return MurmurHash3.Hash(number[..8], 0);
            case Guid value:
                value.TryWriteBytes(number);
                return MurmurHash3.Hash(number, 0);
            case IFormattable formattable:
                return HashOf(formattable.ToString(null, CultureInfo.InvariantCulture));
            default:
                return HashOf(key.ToString() ?? string.Empty);
        }
    }

    public static uint HashOf(string text, uint seed = 0)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length <= 256)
        {
            Span<byte> buffer = stackalloc byte[256];
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return MurmurHash3.Hash(buffer[..written], seed);
        }
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            return MurmurHash3.Hash(rented.AsSpan(0, written), seed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
