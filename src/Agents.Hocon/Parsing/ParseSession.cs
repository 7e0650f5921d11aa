namespace Agents.Hocon.Parsing;

/// <summary>State shared by the parsers of one document and everything it includes.</summary>
/// <param name="options">How to parse.</param>
/// <param name="textLength">Length of the document's text, to size the string pool.</param>
internal sealed class ParseSession(HoconParseOptions options, int textLength)
{
    // Include chains are also bounded by depth, but a long chain of distinct files is no real configuration.
    private const int MaxIncludeNesting = 64;

    public HoconParseOptions Options { get; } = options;

    public int MaxDepth => Options.MaxDepth;

    public IHoconIncludeResolver IncludeResolver { get; } = options.IncludeResolver ?? HoconIncludeResolver.Instance;

    /// <summary>Sources being parsed, outermost first, to detect include cycles.</summary>
    public List<string> OpenSources { get; } = [];

    /// <summary>Shared strings of this document and its includes.</summary>
    public StringPool Strings { get; } = new(textLength);

    private readonly List<HoconField[]?> _fieldBuffers = [];

    /// <summary>A buffer for the fields of an object being read at <paramref name="depth"/>; objects at one depth never overlap.</summary>
    public HoconField[] TakeFieldBuffer(int depth)
    {
        while (_fieldBuffers.Count <= depth)
        {
            _fieldBuffers.Add(null);
        }
        var buffer = _fieldBuffers[depth] ?? new HoconField[16];
        _fieldBuffers[depth] = null;
        return buffer;
    }

    public void ReturnFieldBuffer(int depth, HoconField[] buffer) => _fieldBuffers[depth] = buffer;

    public static ParseSession ForPath(string path) => new(HoconParseOptions.Default, path.Length);

    public bool CanNestAnotherInclude => OpenSources.Count < MaxIncludeNesting;
}
