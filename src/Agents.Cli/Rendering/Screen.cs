using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Agents.Cli.Rendering;

/// <summary>
/// Spectre.Console over a <see cref="TextWriter"/>: colours and ANSI only when the writer is a terminal, plain text
/// (and a wide line) when it is redirected or a test's <see cref="StringWriter"/>.
/// </summary>
internal static class Screen
{
    /// <summary>The line width for output that is not a terminal: wide enough that tables do not wrap in a log.</summary>
    internal const int RedirectedWidth = 200;

    /// <summary>The longest payload a table shows before it cuts it with an ellipsis.</summary>
    internal const int PayloadWidth = 60;

    /// <summary>JSON for people: non-ASCII letters as they are, not as <c>\uXXXX</c> escapes.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A console that writes to <paramref name="writer"/>.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }
        return console;
    }

    /// <summary>A duration as days, hours, minutes and seconds, e.g. <c>2d 3h 4m 5s</c>; the largest units only.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }
        if (duration.TotalDays >= 1)
        {
            return $"{(int)duration.TotalDays}d {duration.Hours}h {duration.Minutes}m";
        }
        if (duration.TotalHours >= 1)
        {
            return $"{duration.Hours}h {duration.Minutes}m {duration.Seconds}s";
        }
        return duration.TotalMinutes >= 1 ? $"{duration.Minutes}m {duration.Seconds}s" : $"{duration.Seconds}s";
    }

    /// <summary>A time as the UTC ISO 8601 the node uses, or the text as sent when it is not a time.</summary>
    public static string Time(string? text) =>
        text is null ? "" :
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : text;

    /// <summary>JSON on one line, cut to <paramref name="width"/> characters with an ellipsis.</summary>
    public static string Compact(JsonElement json, int width = PayloadWidth)
    {
        var text = json.ValueKind == JsonValueKind.Undefined ? "" : JsonSerializer.Serialize(json, Readable);
        return text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
    }

    /// <summary>A JSON value as plain text: strings without quotes, anything else as JSON.</summary>
    public static string Scalar(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString() ?? "",
        JsonValueKind.Undefined => "",
        _ => json.GetRawText(),
    };
}
