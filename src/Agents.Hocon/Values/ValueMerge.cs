namespace Agents.Hocon;

/// <summary>
/// HOCON's duplicate-key rule, shared by the parser, <c>WithFallback</c> and resolution: a later value
/// wins unless both are objects, which merge key by key. A substitution's type is not known before
/// resolution, so merging with one builds a <see cref="HoconDelayedMerge"/>.
/// </summary>
internal static class ValueMerge
{
    /// <summary>Merges <paramref name="newer"/> over <paramref name="older"/> without changing either.</summary>
    public static HoconValue Merge(HoconValue newer, HoconValue older) => Merge(newer, older, inPlace: false);

    /// <summary>
    /// Merges <paramref name="newer"/> over <paramref name="older"/>, changing objects of
    /// <paramref name="older"/> in place. Only for values that nothing else references yet (parsing).
    /// </summary>
    public static HoconValue MergeInPlace(HoconValue newer, HoconValue older) => Merge(newer, older, inPlace: true);

    private static HoconValue Merge(HoconValue newer, HoconValue older, bool inPlace)
    {
        switch (newer)
        {
            case HoconObject { IgnoresFallbacks: true }:
                return newer;
            case HoconObject newObject:
                switch (older)
                {
                    case HoconObject oldObject:
                        return MergeObjects(newObject, oldObject, inPlace);
                    case HoconDelayedMerge oldStack when oldStack.StackArray[0] is HoconObject top:
                        var stack = (HoconValue[])oldStack.StackArray.Clone();
                        stack[0] = MergeObjects(newObject, top, inPlace);
                        return new HoconDelayedMerge(stack);
                    case HoconDelayedMerge oldStack:
                        return Stack([newObject], oldStack.StackArray);
                    case HoconSubstitution or HoconConcatenation:
                        return Stack([newObject], [older]);
                    default:
                        var hiding = inPlace ? newObject : newObject.Copy();
                        hiding.IgnoresFallbacks = true;
                        return hiding;
                }
            case HoconSubstitution or HoconConcatenation:
                return Stack([newer], older is HoconDelayedMerge d ? d.StackArray : [older]);
            case HoconDelayedMerge newStack:
                return Stack(newStack.StackArray, older is HoconDelayedMerge o ? o.StackArray : [older]);
            default:
                return newer;
        }
    }

    private static HoconObject MergeObjects(HoconObject newer, HoconObject older, bool inPlace)
    {
        StackGuard.Ensure(newer, "merging objects");
        var target = inPlace ? older : older.Copy();
        target.IgnoresFallbacks = older.IgnoresFallbacks;
        for (var i = 0; i < newer.Count; i++)
        {
            var at = target.IndexOf(newer.KeyAt(i));
            // A scalar still kept as text wins over anything below it, as in Merge.
            if (at < 0 || newer.BuiltValueAt(i) is null)
            {
                target.SetFrom(at, newer, i);
            }
            else
            {
                target.SetValueAt(at, Merge(newer.ValueAt(i), target.ValueAt(at), inPlace));
            }
        }
        return target;
    }

    /// <summary>
    /// Builds a stack, latest first. Everything below a plain non-object value is dropped: resolution
    /// stops there, so those values are hidden and never evaluated.
    /// </summary>
    private static HoconDelayedMerge Stack(HoconValue[] top, HoconValue[] below)
    {
        var list = new List<HoconValue>(top.Length + below.Length);
        foreach (var part in (ReadOnlySpan<HoconValue[]>)[top, below])
        {
            foreach (var value in part)
            {
                list.Add(value);
                if (Hides(value))
                {
                    return new HoconDelayedMerge([.. list]);
                }
            }
        }
        return new HoconDelayedMerge([.. list]);
    }

    private static bool Hides(HoconValue value) =>
        value is HoconString or HoconNumber or HoconBoolean or HoconNull or HoconArray;
}
