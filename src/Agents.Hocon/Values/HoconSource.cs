using Agents.Hocon.Parsing;

namespace Agents.Hocon;

/// <summary>
/// The text values were read from. A value stores only its source and character offset; the line
/// and column are worked out from the text when someone asks for an origin (errors, diagnostics),
/// which keeps every value eight bytes smaller and costs parsing nothing.
/// </summary>
internal sealed class HoconSource
{
    private readonly HoconOrigin? _fixed;
    private readonly string? _text;
    private readonly bool _loneCarriageReturnEndsLine;
    private int[]? _lineStarts;

    /// <summary>A source for text; <paramref name="loneCarriageReturnEndsLine"/> for Java properties, where '\r' alone ends a line.</summary>
    public HoconSource(string description, string text, bool loneCarriageReturnEndsLine = false)
    {
        Description = description;
        _text = text;
        _loneCarriageReturnEndsLine = loneCarriageReturnEndsLine;
    }

    private HoconSource(HoconOrigin origin)
    {
        Description = origin.Description;
        _fixed = origin;
    }

    public string Description { get; }

    /// <summary>Shares the strings of scalars built from this text with the parser's keys and with each other.</summary>
    public StringPool? Strings { get; init; }

    /// <summary>The text of <paramref name="length"/> characters at <paramref name="start"/>, reusing an equal string where one is pooled.</summary>
    public string Slice(int start, int length) => Strings is { } pool ? pool.Get(Text, start, length) : Text.Substring(start, length);

    /// <summary>The text values were read from; only sources made from text have one.</summary>
    public string Text => _text ?? throw new InvalidOperationException($"{Description} was not read from text");

    /// <summary>A source for a value that was not read from text, or whose position is known outright.</summary>
    public static HoconSource Fixed(HoconOrigin origin) => new(origin);

    public HoconOrigin OriginAt(int offset)
    {
        if (_fixed is { } fixedOrigin)
        {
            return fixedOrigin;
        }
        var starts = _lineStarts ??= LineStarts();
        var index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return new HoconOrigin(Description, index + 1, offset - starts[index] + 1);
    }

    private int[] LineStarts()
    {
        var text = _text!;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r' && _loneCarriageReturnEndsLine && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}
