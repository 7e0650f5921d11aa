using Agents.Hocon.Formats;

namespace Agents.Hocon.Parsing;

internal sealed partial class HoconParser
{
    /// <summary>An unquoted <c>include</c> at the start of a key is an include statement.</summary>
    private bool IsIncludeKeyword()
    {
        const string keyword = "include";
        if (_text[_pos] != 'i' || _pos + keyword.Length > _length ||
            string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0)
        {
            return false;
        }
        var next = _pos + keyword.Length;
        return next >= _length || _text[next] == '"' || !StartsPiece(next);
    }

    private void ParseInclude(HoconObject obj, int depth)
    {
        var origin = new HoconOrigin(_origin, _line, Column(_pos));
        _pos += "include".Length;
        SkipWhitespaceNewlinesComments();
        var required = false;
        var kind = HoconIncludeKind.Heuristic;
        var parentheses = 0;
        if (Consume("required("))
        {
            required = true;
            parentheses++;
            SkipWhitespaceNewlinesComments();
        }
        if (Consume("file("))
        {
            kind = HoconIncludeKind.File;
            parentheses++;
        }
        else if (Consume("url("))
        {
            kind = HoconIncludeKind.Url;
            parentheses++;
        }
        else if (Consume("classpath("))
        {
            kind = HoconIncludeKind.Classpath;
            parentheses++;
        }
        SkipWhitespaceNewlinesComments();
        if (_pos >= _length || _text[_pos] != '"')
        {
            throw Error(_pos, $"expected a quoted name after include (include \"x.conf\", include file(\"x\"), include required(\"x\")), found {Describe(_pos)}");
        }
        var name = ParseQuotedString();
        for (var i = 0; i < parentheses; i++)
        {
            SkipWhitespaceNewlinesComments();
            if (_pos >= _length || _text[_pos] != ')')
            {
                throw Error(_pos, $"expected ')' to close the include of \"{name}\", found {Describe(_pos)}");
            }
            _pos++;
        }
        Include(obj, new HoconIncludeRequest(kind, name, required, _sourceName, origin), depth);
    }

    private bool Consume(string word)
    {
        if (_pos + word.Length <= _length && string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
        {
            _pos += word.Length;
            return true;
        }
        return false;
    }

    private void Include(HoconObject obj, HoconIncludeRequest request, int depth)
    {
        if (!_session.CanNestAnotherInclude)
        {
            throw new HoconException(request.Origin, $"includes are nested too deeply at \"{request.Name}\"; check for a chain of files including each other");
        }
        IReadOnlyList<HoconIncludeSource> sources;
        try
        {
            sources = _session.IncludeResolver.Resolve(request, _session.Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HoconException(request.Origin, $"cannot include \"{request.Name}\": {e.Message}", e);
        }
        if (sources.Count == 0)
        {
            if (request.Required)
            {
                var where = request.IncludingSource is { } including && !including.StartsWith(HoconIncludeResolver.ResourcePrefix, StringComparison.Ordinal)
                    ? $" (relative names are read from {Path.GetDirectoryName(including)})"
                    : "";
                throw new HoconException(request.Origin, $"required include \"{request.Name}\" was not found{where}; create it or drop required(...)");
            }
            return;
        }
        string[] prefix = [.. _prefix, .. _path.AsSpan(0, _pathCount)];
        foreach (var source in sources)
        {
            var open = _session.OpenSources;
            if (open.Contains(source.Name))
            {
                throw new HoconException(request.Origin,
                    $"include cycle: {string.Join(" -> ", open.Skip(open.IndexOf(source.Name)))} -> {source.Name}; remove one of these includes");
            }
            open.Add(source.Name);
            try
            {
                var root = source.Syntax == HoconSyntax.Properties
                    ? PropertiesParser.Parse(source.Text, source.Name)
                    : ParseDocument(source.Text, source.Name, source.Name, _session, prefix, depth);
                if (root is not HoconObject included)
                {
                    throw new HoconException(root.Origin, $"an included file must contain an object, not {Describe(root)}; wrap it in {{ }} with a key");
                }
                for (var i = 0; i < included.Count; i++)
                {
                    SetField(obj, included.KeyAt(i), included.ValueAt(i));
                }
            }
            finally
            {
                open.RemoveAt(open.Count - 1);
            }
        }
    }

    private static string Describe(HoconValue value) => value.Type switch
    {
        HoconValueType.Array => "an array",
        HoconValueType.Object => "an object",
        _ => "a " + value.Type.ToString().ToLowerInvariant(),
    };
}
