using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Configuration;

/// <summary>Maps a HOCON tree to flat configuration keys, the way the JSON provider maps JSON.</summary>
internal static class ConfigurationKeys
{
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<(HoconValue Value, string? Key)>();
        stack.Push((root, null));
        while (stack.Count > 0)
        {
            var (value, key) = stack.Pop();
            switch (value)
            {
                case HoconObject obj:
                    if (obj.Count == 0 && key is not null)
                    {
                        data[key] = null;
                    }
                    for (var i = obj.Count - 1; i >= 0; i--)
                    {
                        stack.Push((obj.ValueAt(i), Join(key, obj.KeyAt(i))));
                    }
                    break;
                case HoconArray array:
                    if (array.Count == 0 && key is not null)
                    {
                        data[key] = null;
                    }
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        stack.Push((array.ItemAt(i), Join(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }
                    break;
                case HoconNull:
                    data[key!] = null;
                    break;
                default:
                    data[key!] = Concatenation.TextOf(value);
                    break;
            }
        }
        return data;
    }

    private static string Join(string? prefix, string key) =>
        prefix is null ? key : prefix + ConfigurationPath.KeyDelimiter + key;
}
