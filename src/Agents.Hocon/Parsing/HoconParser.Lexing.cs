using System.Runtime.CompilerServices;
using System.Text;

namespace Agents.Hocon.Parsing;

internal sealed partial class HoconParser
{
    private int Column(int pos) => pos - _lineStart + 1;

    private HoconException Error(int pos, string reason) =>
        new(new HoconOrigin(_origin, _line, pos >= _lineStart ? Column(pos) : 1), reason);

    private string Describe(int pos)
    {
        if (pos >= _length)
        {
            return "end of input";
        }
        if (_text[pos] == '/' && pos + 1 < _length && _text[pos + 1] == '/')
        {
            return "a '//' comment";
        }
        return HoconCharacters.Describe(_text[pos]);
    }

    /// <summary>Skips whitespace, newlines and comments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespaceNewlinesComments()
    {
        // Most calls land on a key or value at once, or after a single space.
        var text = _text;
        var pos = _pos;
        if ((uint)pos < (uint)text.Length && text[pos] == ' ')
        {
            pos++;
        }
        if ((uint)pos < (uint)text.Length && text[pos] > ' ' && text[pos] is not ('#' or '/') && text[pos] < 128)
        {
            _pos = pos;
            return;
        }
        SkipWhitespaceNewlinesCommentsFrom(pos);
    }

    private void SkipWhitespaceNewlinesCommentsFrom(int pos)
    {
        var text = _text;
        while ((uint)pos < (uint)text.Length)
        {
            var c = text[pos];
            if (c == ' ' || c == '\t' || c == '\r')
            {
                pos++;
            }
            else if (c == '\n')
            {
                pos++;
                _line++;
                _lineStart = pos;
            }
            else if (c == '#' || (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/'))
            {
                var newline = text.AsSpan(pos).IndexOf('\n');
                pos = newline < 0 ? text.Length : pos + newline;
            }
            else if (HoconCharacters.IsInlineWhitespace(c))
            {
                pos++;
            }
            else
            {
                break;
            }
        }
        _pos = pos;
    }

    /// <summary>Skips whitespace other than '\n' and a comment that ends the line; stops before the newline.</summary>
    private void SkipInlineWhitespaceAndComment()
    {
        var text = _text;
        var pos = _pos;
        while ((uint)pos < (uint)text.Length)
        {
            var c = text[pos];
            if (c == ' ' || c == '\t' || c == '\r')
            {
                pos++;
            }
            else if (c == '#' || (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/'))
            {
                var newline = text.AsSpan(pos).IndexOf('\n');
                pos = newline < 0 ? text.Length : pos + newline;
                break;
            }
            else if (c != '\n' && HoconCharacters.IsInlineWhitespace(c))
            {
                pos++;
            }
            else
            {
                break;
            }
        }
        _pos = pos;
    }

    private void SkipInlineWhitespace()
    {
        var text = _text;
        var pos = _pos;
        while ((uint)pos < (uint)text.Length && text[pos] != '\n' && HoconCharacters.IsInlineWhitespace(text[pos]))
        {
            pos++;
        }
        _pos = pos;
    }

    private void SkipComment()
    {
        var newline = _text.AsSpan(_pos).IndexOf('\n');
        _pos = newline < 0 ? _length : _pos + newline;
    }

    /// <summary>True when the character at <paramref name="pos"/> can start a value piece or a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StartsPiece(int pos)
    {
        var c = _text[pos];
        if (c == '"' || c == '{' || c == '[' || c == '$')
        {
            return true;
        }
        var k = HoconCharacters.ClassOf(c);
        if ((k & HoconCharacters.StopsUnquoted) != 0)
        {
            return false;
        }
        return (k & HoconCharacters.Slash) == 0 || pos + 1 >= _length || _text[pos + 1] != '/';
    }

    /// <summary>End of the unquoted run starting at <paramref name="start"/>.</summary>
    private int ScanUnquoted(int start)
    {
        var text = _text;
        var i = start;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                var k = HoconCharacters.ClassOf(c);
                if ((k & HoconCharacters.StopsUnquoted) != 0 ||
                    ((k & HoconCharacters.Slash) != 0 && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    break;
                }
            }
            else if (HoconCharacters.IsUnicodeWhitespace(c))
            {
                break;
            }
            i++;
        }
        return i;
    }

    /// <summary>End of the run of number characters (digits, e, E, +, -, .) starting at <paramref name="start"/>.</summary>
    private int ScanNumberChars(int start)
    {
        var i = start;
        while (i < _length && HoconCharacters.IsNumberChar(_text[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>
    /// End of a raw key or path run: like an unquoted string, except that a run starting like a
    /// number takes the number's characters first, so <c>1e+5</c> stays one piece.
    /// </summary>
    private int ScanRawPathRun(int start) => ScanRawPathRun(start, out _);

    /// <inheritdoc cref="ScanRawPathRun(int)"/>
    /// <param name="start">Where the run starts.</param>
    /// <param name="numberEnd">End of the leading run of number characters; <paramref name="start"/> when the run does not start like a number.</param>
    private int ScanRawPathRun(int start, out int numberEnd)
    {
        var c = _text[start];
        var i = start;
        numberEnd = start;
        if ((uint)(c - '0') <= 9 || c == '-')
        {
            i = ScanNumberChars(start);
            numberEnd = i;
            var span = _text.AsSpan(start, i - start);
            if (span.Contains('+') && !NumberText.IsNumber(span, out _, out _))
            {
                throw Error(start + span.IndexOf('+'), "reserved character '+' is not allowed outside quotes; quote the text");
            }
        }
        return ScanUnquoted(i);
    }

    /// <summary>Reads a quoted or triple-quoted string at the current '"'.</summary>
    private string ParseQuotedString()
    {
        var start = _pos;
        var length = ScanPlainQuoted(start);
        if (length >= 0)
        {
            return _session.Strings.Get(_text, start + 1, length);
        }
        if (start + 2 < _length && _text[start + 1] == '"' && _text[start + 2] == '"')
        {
            return ParseTripleQuotedString();
        }
        return ParseEscapedString(start, start + 1);
    }

    /// <summary>
    /// For a single-quoted string without escapes or control characters at <paramref name="start"/>,
    /// moves past it and returns the length of its content; otherwise returns -1 and stays.
    /// </summary>
    private int ScanPlainQuoted(int start)
    {
        var text = _text;
        var contentStart = start + 1;
        if (contentStart + 1 < text.Length && text[contentStart] == '"' && text[contentStart + 1] == '"')
        {
            return -1;
        }
        // Most strings are short: a plain loop beats setting up a vectorized search.
        var limit = Math.Min(text.Length, contentStart + 32);
        for (var i = contentStart; i < limit; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                _pos = i + 1;
                return i - contentStart;
            }
            if (c == '\\' || c < ' ')
            {
                return -1;
            }
        }
        var stop = text.AsSpan(contentStart).IndexOfAny(HoconCharacters.QuotedStringStops);
        if (stop < 0 || text[contentStart + stop] != '"')
        {
            return -1;
        }
        _pos = contentStart + stop + 1;
        return stop;
    }

    private string ParseEscapedString(int start, int contentStart)
    {
        var sb = new StringBuilder();
        var i = contentStart;
        while (true)
        {
            var stop = _text.AsSpan(i).IndexOfAny(HoconCharacters.QuotedStringStops);
            if (stop < 0)
            {
                throw Error(start, "unterminated quoted string: expected a closing '\"' before end of input");
            }
            sb.Append(_text, i, stop);
            i += stop;
            var c = _text[i];
            if (c == '"')
            {
                _pos = i + 1;
                return sb.ToString();
            }
            if (c == '\\')
            {
                i = AppendEscape(sb, i);
                continue;
            }
            throw c == '\n'
                ? Error(i, "newline in a quoted string; close the string with '\"' first, write \\n, or use a \"\"\"triple-quoted\"\"\" string")
                : Error(i, $"control character U+{(int)c:X4} in a quoted string; write it as an escape such as \\u{(int)c:X4}");
        }
    }

    private int AppendEscape(StringBuilder sb, int backslash)
    {
        if (backslash + 1 >= _length)
        {
            throw Error(backslash, "unterminated escape at end of input; expected a character after '\\'");
        }
        var e = _text[backslash + 1];
        switch (e)
        {
            case '"': sb.Append('"'); break;
            case '\\': sb.Append('\\'); break;
            case '/': sb.Append('/'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'u':
                if (backslash + 6 > _length || !ushort.TryParse(_text.AsSpan(backslash + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
                {
                    throw Error(backslash, "invalid \\u escape: expected four hexadecimal digits after \\u");
                }
                sb.Append((char)code);
                return backslash + 6;
            default:
                throw Error(backslash, $"invalid escape '\\{(e == '\n' ? "\\n" : e.ToString())}' in a quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
        return backslash + 2;
    }

    private string ParseTripleQuotedString()
    {
        var start = _pos;
        var contentStart = start + 3;
        var close = _text.AsSpan(contentStart).IndexOf("\"\"\"", StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(start, "unterminated triple-quoted string: expected '\"\"\"' before end of input");
        }
        var quoteRun = contentStart + close;
        var quotes = 3;
        while (quoteRun + quotes < _length && _text[quoteRun + quotes] == '"')
        {
            quotes++;
        }
        // Quotes beyond the closing three belong to the string: """a"""" is a".
        var content = _text.Substring(contentStart, close + quotes - 3);
        var end = quoteRun + quotes;
        for (var i = _text.AsSpan(start, end - start).IndexOf('\n'); i >= 0;)
        {
            var at = start + i;
            _line++;
            _lineStart = at + 1;
            var next = _text.AsSpan(at + 1, end - at - 1).IndexOf('\n');
            i = next < 0 ? -1 : at + 1 + next - start;
        }
        _pos = end;
        return content;
    }
}
