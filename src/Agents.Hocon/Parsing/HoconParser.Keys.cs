using System.Text;

namespace Agents.Hocon.Parsing;

internal sealed partial class HoconParser
{
    /// <summary>
    /// Reads a key and pushes its elements onto the path stack. A key is a path expression: unquoted
    /// dots split it, quoted parts keep their dots, numbers split on their dots as written.
    /// </summary>
    private void ParseKey()
    {
        if (TryParsePlainKey())
        {
            return;
        }
        var start = _pos;
        if (_text[start] == '"')
        {
            var quoted = ParseQuotedString();
            if (!ContinuesPath())
            {
                PushPath(quoted);
                return;
            }
            _pos = start;
        }
        else
        {
            var end = ScanRawPathRun(start);
            _pos = end;
            if (!ContinuesPath())
            {
                PushRawPath(start, end);
                return;
            }
            _pos = start;
        }
        foreach (var element in ParsePathExpression())
        {
            PushPath(element);
        }
    }

    /// <summary>
    /// The common key in one pass: ASCII letters, digits, '-' and '_' with single dots between the
    /// elements, followed (after spaces or tabs) by '=', ':', '+=' or '{', where it stops. Anything else
    /// returns false having pushed nothing and moved nowhere, for the general path to read.
    /// </summary>
    private bool TryParsePlainKey()
    {
        var text = _text;
        var i = _pos;
        var elementStart = i;
        var mark = _pathCount;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || c == '_')
            {
                i++;
            }
            else if (c == '.' && i > elementStart)
            {
                PushPath(_session.Strings.Get(text, elementStart, i - elementStart));
                elementStart = ++i;
            }
            else
            {
                break;
            }
        }
        var next = i;
        while ((uint)next < (uint)text.Length && (text[next] == ' ' || text[next] == '\t'))
        {
            next++;
        }
        if (i == elementStart || (uint)next >= (uint)text.Length ||
            text[next] is not ('=' or ':' or '{') && !(text[next] == '+' && next + 1 < text.Length && text[next + 1] == '='))
        {
            _pathCount = mark;
            return false;
        }
        PushPath(_session.Strings.Get(text, elementStart, i - elementStart));
        _pos = next;
        return true;
    }

    private void PushRawPath(int start, int end)
    {
        var segmentStart = start;
        var dot = start;
        while (dot < end && _text[dot] != '.')
        {
            dot++;
        }
        if (dot == end)
        {
            PushPath(_session.Strings.Get(_text, start, end - start));
            return;
        }
        for (var i = dot; i <= end; i++)
        {
            if (i == end || _text[i] == '.')
            {
                if (i == segmentStart)
                {
                    throw EmptyPathElement(start);
                }
                PushPath(_session.Strings.Get(_text, segmentStart, i - segmentStart));
                segmentStart = i + 1;
            }
        }
    }

    private string KeyText(int mark) => HoconPath.Render(_path, mark, _pathCount - mark);

    /// <summary>True when more pieces of the same path follow (a quote or text, possibly after inline whitespace).</summary>
    private bool ContinuesPath()
    {
        var i = _pos;
        while (i < _length && _text[i] != '\n' && HoconCharacters.IsInlineWhitespace(_text[i]))
        {
            i++;
        }
        if (i >= _length)
        {
            return false;
        }
        var c = _text[i];
        return c == '"' || (c != '{' && c != '[' && c != '$' && StartsPiece(i));
    }

    private HoconException EmptyPathElement(int start) =>
        Error(start, "a path may not start or end with '.' or contain '..'; quote an empty key as \"\"");

    /// <summary>
    /// Reads a general path expression: quoted and unquoted pieces with the whitespace between them,
    /// stopping at anything else (a separator, '}', a newline).
    /// </summary>
    private string[] ParsePathExpression()
    {
        var start = _pos;
        var elements = new List<string>(4);
        var current = new StringBuilder();
        var hasContent = false;
        while (_pos < _length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                current.Append(ParseQuotedString());
                hasContent = true;
            }
            else if (c != '{' && c != '[' && c != '$' && StartsPiece(_pos))
            {
                var runStart = _pos;
                var runEnd = ScanRawPathRun(runStart);
                for (var i = runStart; i < runEnd; i++)
                {
                    if (_text[i] == '.')
                    {
                        if (!hasContent)
                        {
                            throw EmptyPathElement(start);
                        }
                        elements.Add(current.ToString());
                        current.Clear();
                        hasContent = false;
                    }
                    else
                    {
                        current.Append(_text[i]);
                        hasContent = true;
                    }
                }
                _pos = runEnd;
            }
            else
            {
                break;
            }
            var afterPiece = _pos;
            SkipInlineWhitespace();
            if (!ContinuesPathAt(_pos))
            {
                _pos = afterPiece;
                break;
            }
            if (_pos > afterPiece)
            {
                current.Append(_text, afterPiece, _pos - afterPiece);
                hasContent = true;
            }
        }
        if (!hasContent)
        {
            throw EmptyPathElement(start);
        }
        elements.Add(current.ToString());
        return [.. elements];
    }

    private bool ContinuesPathAt(int i)
    {
        if (i >= _length)
        {
            return false;
        }
        var c = _text[i];
        return c == '"' || (c != '{' && c != '[' && c != '$' && StartsPiece(i));
    }

    /// <summary>Parses a path given to a getter, e.g. <c>a.b."c.d"</c>.</summary>
    public static string[] ParsePath(string path)
    {
        if (path.Length > 0 && !path.Contains('"') && !HasWhitespace(path))
        {
            var parts = path.Split('.');
            var ok = true;
            foreach (var part in parts)
            {
                if (part.Length == 0 || (HoconCharacters.ClassOf(part[0]) & HoconCharacters.StopsUnquoted) != 0 || part.AsSpan().ContainsAny(ForbiddenInPath))
                {
                    ok = false;
                    break;
                }
            }
            if (ok)
            {
                return parts;
            }
        }
        var parser = new HoconParser(path, $"path '{path}'", null, ParseSession.ForPath(path), [], 0);
        parser.SkipInlineWhitespace();
        if (parser._pos >= parser._length || !parser.StartsPiece(parser._pos) || path[parser._pos] is '{' or '[' or '$')
        {
            throw parser.Error(parser._pos, $"expected a path such as a.b.\"c.d\", found {parser.Describe(parser._pos)}");
        }
        var elements = parser.ParsePathExpression();
        parser.SkipInlineWhitespace();
        if (parser._pos < parser._length)
        {
            throw parser.Error(parser._pos, $"expected end of the path, found {parser.Describe(parser._pos)}");
        }
        return elements;
    }

    private static readonly System.Buffers.SearchValues<char> ForbiddenInPath =
        System.Buffers.SearchValues.Create("$\"{}[]:=,+#`^?!@*&\\/");

    private static bool HasWhitespace(string s)
    {
        foreach (var c in s)
        {
            if (HoconCharacters.IsWhitespace(c))
            {
                return true;
            }
        }
        return false;
    }
}
