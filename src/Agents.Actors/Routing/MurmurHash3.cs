using System.Buffers.Binary;
using System.Numerics;

namespace Agents.Actors.Routing;

/// <summary>
/// MurmurHash3 (x86, 32-bit) by Austin Appleby: a fast hash with good avalanche, so that nearby keys and
/// virtual-node names spread evenly over the ring. Unlike <see cref="string.GetHashCode()"/>, which .NET
/// randomises per process, it gives the same value in every process and on every node.
/// </summary>
internal static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static uint Hash(ReadOnlySpan<byte> data, uint seed)
    {
        var hash = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            hash ^= MixKey(BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4)));
            hash = BitOperations.RotateLeft(hash, 13);
            hash = (hash * 5) + 0xe6546b64;
        }
        var tail = data[(blocks * 4)..];
        uint last = 0;
        switch (tail.Length)
        {
            case 3:
                last = (uint)tail[2] << 16 | (uint)tail[1] << 8 | tail[0];
                break;
            case 2:
                last = (uint)tail[1] << 8 | tail[0];
                break;
            case 1:
                last = tail[0];
                break;
        }
        if (tail.Length > 0)
        {
            hash ^= MixKey(last);
        }
        hash ^= (uint)data.Length;
        return Finish(hash);
    }

    private static uint MixKey(uint key)
    {
        key *= C1;
        key = BitOperations.RotateLeft(key, 15);
        return key * C2;
    }

    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
