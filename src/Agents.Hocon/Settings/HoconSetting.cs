namespace Agents.Hocon;

/// <summary>
/// Reads one setting of a library's configuration section and checks it, so that every library binds its
/// <c>reference.conf</c> section the same way: a bad value becomes a <see cref="HoconException"/> located at
/// the value (file, line, column) that names the path, shows the value, says what it must be and how to fix it,
/// e.g. <c>app.conf:3:16: agents.actor.throughput is "fast"; it must be a whole number of at least 1 (messages
/// per turn). Fix: agents.actor.throughput = 100 (the default)</c>.
/// </summary>
public static class HoconSetting
{
    /// <summary>Reads a whole number of at least <paramref name="min"/>.</summary>
    /// <param name="config">The resolved configuration.</param>
    /// <param name="path">The setting's full path.</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="meaning">What the setting means, for the message.</param>
    /// <param name="fix">A line that would be correct, for the message.</param>
    /// <exception cref="HoconException">The value is missing, not a whole number or too small.</exception>
    public static int ReadInt(Config config, string path, int min, string meaning, string fix)
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = config.GetValue(path);
        int result;
        try
        {
            result = config.GetInt(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, $"it must be a whole number of at least {min} ({meaning})", fix, e);
        }
        return result >= min ? result : throw Invalid(value, path, $"it must be at least {min} ({meaning})", fix);
    }

    /// <summary>
    /// Reads a positive duration; with <paramref name="allowInfinite"/> the word <c>infinite</c> (or <c>inf</c>)
    /// yields <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="config">The resolved configuration.</param>
    /// <param name="path">The setting's full path.</param>
    /// <param name="allowInfinite">Whether <c>infinite</c> is accepted.</param>
    /// <param name="meaning">What the setting means, for the message.</param>
    /// <param name="fix">A line that would be correct, for the message.</param>
    /// <param name="example">Durations shown as examples in the message.</param>
    /// <exception cref="HoconException">The value is missing, not a duration or not positive.</exception>
    public static TimeSpan ReadDuration(
        Config config, string path, bool allowInfinite, string meaning, string fix, string example = "5s or 500ms")
    {
        ArgumentNullException.ThrowIfNull(config);
        if (allowInfinite && config.GetValue(path) is HoconString { Value: "infinite" or "inf" })
        {
            return Timeout.InfiniteTimeSpan;
        }
        return ReadPositiveDuration(config, path, $"such as {example}{(allowInfinite ? ", or infinite" : "")} ({meaning})", fix);
    }

    /// <summary>
    /// Reads a positive duration that can be switched off: with <paramref name="allowOff"/>, <c>off</c> (or
    /// <c>false</c>) yields <see langword="null"/>.
    /// </summary>
    /// <param name="config">The resolved configuration.</param>
    /// <param name="path">The setting's full path.</param>
    /// <param name="allowOff">Whether <c>off</c> is accepted.</param>
    /// <param name="meaning">What the setting means, for the message.</param>
    /// <param name="fix">A line that would be correct, for the message.</param>
    /// <param name="example">Durations shown as examples in the message.</param>
    /// <exception cref="HoconException">The value is missing, not a duration or not positive.</exception>
    public static TimeSpan? ReadOptionalDuration(
        Config config, string path, bool allowOff, string meaning, string fix, string example = "5s or 500ms")
    {
        ArgumentNullException.ThrowIfNull(config);
        if (allowOff && config.GetValue(path) is HoconString { Value: "off" } or HoconBoolean { Value: false })
        {
            return null;
        }
        return ReadPositiveDuration(config, path, $"such as {example}{(allowOff ? ", or off" : "")} ({meaning})", fix);
    }

    private static TimeSpan ReadPositiveDuration(Config config, string path, string accepted, string fix)
    {
        var value = config.GetValue(path);
        var requirement = "it must be a positive duration " + accepted;
        TimeSpan result;
        try
        {
            result = config.GetDuration(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, requirement, fix, e);
        }
        return result > TimeSpan.Zero ? result : throw Invalid(value, path, requirement, fix);
    }

    /// <summary>Reads a switch: on/off, true/false or yes/no.</summary>
    /// <exception cref="HoconException">The value is missing or not a switch.</exception>
    public static bool ReadBoolean(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = config.GetValue(path);
        try
        {
            return config.GetBoolean(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, "it must be on or off (true/false, yes/no)", $"{path} = on, or {path} = off", e);
        }
    }

    /// <summary>Reads one of a fixed set of names (compared without case); the first choice is the suggested fix.</summary>
    /// <exception cref="HoconException">The value is missing or names none of the choices.</exception>
    public static T ReadChoice<T>(Config config, string path, IReadOnlyList<(string Name, T Value)> choices)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(choices);
        var value = config.GetValue(path);
        var names = string.Join(" or ", choices.Select(c => c.Name));
        string text;
        try
        {
            text = config.GetString(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, $"it must be {names}", $"{path} = {choices[0].Name}", e);
        }
        foreach (var (name, result) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }
        throw Invalid(value, path, $"it must be {names}", $"{path} = {choices[0].Name}");
    }

    /// <summary>The error for a bad value: <c>PATH is VALUE; REQUIREMENT. Fix: FIX</c>, located at the value.</summary>
    public static HoconException Invalid(HoconValue value, string path, string requirement, string fix, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value.Origin, $"{path} is {Describe(value)}; {requirement}. Fix: {fix}", inner);
    }

    /// <summary>How a value is shown in an error: strings quoted and cut at 60 characters, containers by kind.</summary>
    public static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"\"{(s.Value.Length > 60 ? s.Value[..60] + "..." : s.Value)}\"",
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        HoconNull => "null",
        HoconObject => "an object",
        HoconArray => "an array",
        _ => value.ToHocon(),
    };
}
