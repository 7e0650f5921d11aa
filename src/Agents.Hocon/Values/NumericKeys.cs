using System.Globalization;

namespace Agents.Hocon;

/// <summary>
/// The spec's lazy conversion of an object with integer keys (<c>{ "0": a, "1": b }</c>, typical of
/// properties files) to an array: sorted by key, keys that are not integers ignored.
/// </summary>
internal static class NumericKeys
{
    /// <summary>The array, or null when the object has no integer keys.</summary>
    public static HoconArray? ToArray(HoconObject obj)
    {
        List<(int Index, HoconValue Value)>? items = null;
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.KeyAt(i);
            if (key.Length > 0 && key[0] != '+' && key[0] != '-' &&
                int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                (items ??= []).Add((index, obj.ValueAt(i)));
            }
        }
        if (items is null)
        {
            return null;
        }
        items.Sort((a, b) => a.Index.CompareTo(b.Index));
        var array = new HoconArray(obj, items.Count);
        foreach (var (_, value) in items)
        {
            array.Add(value);
        }
        return array;
    }
}
