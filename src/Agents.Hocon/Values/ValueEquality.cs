namespace Agents.Hocon;

/// <summary>
/// Structural equality: key order and origins are ignored, numbers compare by value, types are
/// otherwise strict (the string <c>"true"</c> never equals the boolean <c>true</c>).
/// </summary>
internal static class ValueEquality
{
    public static bool AreEqual(HoconValue a, HoconValue b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        switch (a)
        {
            case HoconObject oa when b is HoconObject ob:
                StackGuard.Ensure(a, "comparing values");
                if (oa.Count != ob.Count)
                {
                    return false;
                }
                for (var i = 0; i < oa.Count; i++)
                {
                    if (!ob.TryGetValue(oa.KeyAt(i), out var other) || !AreEqual(oa.ValueAt(i), other))
                    {
                        return false;
                    }
                }
                return true;
            case HoconArray aa when b is HoconArray ab:
                StackGuard.Ensure(a, "comparing values");
                if (aa.Count != ab.Count)
                {
                    return false;
                }
                for (var i = 0; i < aa.Count; i++)
                {
                    if (!AreEqual(aa.ItemAt(i), ab.ItemAt(i)))
                    {
                        return false;
                    }
                }
                return true;
            case HoconString sa when b is HoconString sb:
                return string.Equals(sa.Value, sb.Value, StringComparison.Ordinal);
            case HoconNumber na when b is HoconNumber nb:
                return na.IsInteger && nb.IsInteger
                    ? na.TryGetInt64(out var la) && nb.TryGetInt64(out var lb) && la == lb
                    : na.ToDouble().Equals(nb.ToDouble());
            case HoconBoolean ba when b is HoconBoolean bb:
                return ba.Value == bb.Value;
            case HoconNull when b is HoconNull:
                return true;
            case HoconSubstitution ra when b is HoconSubstitution rb:
                return ra.IsOptional == rb.IsOptional && ra.Path.Equals(rb.Path);
            case HoconConcatenation ca when b is HoconConcatenation cb:
                return SequenceEqual(ca.PieceArray, cb.PieceArray);
            case HoconDelayedMerge da when b is HoconDelayedMerge db:
                return SequenceEqual(da.StackArray, db.StackArray);
            default:
                return false;
        }
    }

    public static int HashOf(HoconValue value)
    {
        switch (value)
        {
            case HoconObject o:
                StackGuard.Ensure(value, "hashing values");
                var objectHash = 17;
                for (var i = 0; i < o.Count; i++)
                {
                    // Order-independent, as equality ignores key order.
                    objectHash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(o.KeyAt(i)), HashOf(o.ValueAt(i)));
                }
                return objectHash;
            case HoconArray a:
                StackGuard.Ensure(value, "hashing values");
                var arrayHash = new HashCode();
                for (var i = 0; i < a.Count; i++)
                {
                    arrayHash.Add(HashOf(a.ItemAt(i)));
                }
                return arrayHash.ToHashCode();
            case HoconString s:
                return StringComparer.Ordinal.GetHashCode(s.Value);
            case HoconNumber n:
                return n.ToDouble().GetHashCode();
            case HoconBoolean b:
                return b.Value ? 1 : 2;
            case HoconNull:
                return 3;
            case HoconSubstitution r:
                return HashCode.Combine(r.IsOptional, r.Path);
            case HoconConcatenation c:
                return c.PieceArray.Length;
            case HoconDelayedMerge d:
                return d.StackArray.Length;
            default:
                return 0;
        }
    }

    private static bool SequenceEqual(HoconValue[] a, HoconValue[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }
}
