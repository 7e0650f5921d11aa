using System.Text;

namespace Agents.Hocon.Parsing;

internal sealed partial class HoconParser
{
    private enum PieceKind : byte
    {
        Raw,          // unquoted text, number, true/false/null: its text is the source slice
        Quoted,
        Substitution,
        Object,
        Array,
    }

    private readonly record struct Piece(HoconValue Value, PieceKind Kind, int Start, int End);

    /// <summary>
    /// Reads a field value or array element: one piece, or several on one line that concatenate.
    /// The caller has checked that the current character starts a piece. A plain scalar comes back
    /// inline (as its position in the text), anything else as a value.
    /// </summary>
    private HoconSlot ParseValue(int depth)
    {
        var start = _pos;
        var c = _text[start];
        if (c != '"' && c != '{' && c != '[' && c != '$')
        {
            if (TryParsePlainScalar(start, out var plain))
            {
                return plain;
            }
            // Fast path: a value made only of unquoted text, numbers, booleans and nulls needs no
            // pieces: one such piece keeps its type, several are the source text itself.
            var runEnd = ScanRawPathRun(start, out var numberEnd);
            var end = runEnd;
            var pieces = 1;
            while (true)
            {
                var next = end;
                while (next < _length && _text[next] != '\n' && HoconCharacters.IsInlineWhitespace(_text[next]))
                {
                    next++;
                }
                if (next >= _length || !StartsPiece(next))
                {
                    break;
                }
                var n = _text[next];
                if (n == '"' || n == '{' || n == '[' || n == '$')
                {
                    return ParseGeneralValue(start, depth);
                }
                end = ScanRawPathRun(next);
                pieces++;
            }
            _pos = end;
            if (pieces == 1)
            {
                return RawScalar(start, runEnd, numberEnd);
            }
            return HoconSlot.Inline(ScalarKind.Unquoted, start, end - start, _source);
        }
        return ParseGeneralValue(start, depth);
    }

    private HoconSlot ParseGeneralValue(int start, int depth)
    {
        _pos = start;
        HoconValue first;
        PieceKind kind;
        if (_text[start] == '"' && ScanPlainQuoted(start) is var length and >= 0)
        {
            if (EndsValue())
            {
                return HoconSlot.Inline(ScalarKind.Quoted, start, length, _source);
            }
            first = new HoconString(_session.Strings.Get(_text, start + 1, length), _source, start, StringKind.Quoted);
            kind = PieceKind.Quoted;
        }
        else
        {
            first = ParsePiece(depth, out kind);
            if (EndsValue())
            {
                return new HoconSlot(first);
            }
        }
        var list = new List<Piece>(4) { new(first, kind, start, _pos) };
        SkipInlineWhitespace();
        return new HoconSlot(ParseConcatenation(list, depth));
    }

    /// <summary>
    /// After the first piece of a value: true when no other piece follows on the line. When one does,
    /// the position is left just after the first piece.
    /// </summary>
    private bool EndsValue()
    {
        if (_pos >= _length)
        {
            return true;
        }
        var c = _text[_pos];
        if (c == ',' || c == '\n' || c == '}' || c == ']' || c == '#')
        {
            return true;
        }
        if (!HoconCharacters.IsInlineWhitespace(c) && !StartsPiece(_pos))
        {
            return true;
        }
        var afterFirst = _pos;
        SkipInlineWhitespace();
        if (_pos >= _length || !StartsPiece(_pos))
        {
            return true;
        }
        _pos = afterFirst;
        return false;
    }

    private HoconValue ParsePiece(int depth, out PieceKind kind)
    {
        switch (_text[_pos])
        {
            case '"':
                kind = PieceKind.Quoted;
                var at = _pos;
                return new HoconString(ParseQuotedString(), _source, at, StringKind.Quoted);
            case '{':
                kind = PieceKind.Object;
                return ParseBracedObject(depth + 1);
            case '[':
                kind = PieceKind.Array;
                return ParseArray(depth + 1);
            case '$':
                kind = PieceKind.Substitution;
                return ParseSubstitution();
            default:
                kind = PieceKind.Raw;
                return ParseRaw().Get(_source);
        }
    }

    /// <summary>
    /// The common value in one pass: one run of ASCII letters, digits, '-', '_' and '.', then nothing
    /// but spaces or tabs before the end of the line, a ',', '}', ']' or a comment. False for anything
    /// else, having moved nowhere, for the general path to read.
    /// </summary>
    private bool TryParsePlainScalar(int start, out HoconSlot scalar)
    {
        scalar = default;
        var text = _text;
        var i = start;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '.') <= '9' - '.' && c != '/' || c == '-' || c == '_')
            {
                i++;
            }
            else
            {
                break;
            }
        }
        var end = i;
        if (end == start)
        {
            return false;
        }
        while ((uint)i < (uint)text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
        {
            i++;
        }
        if ((uint)i < (uint)text.Length && text[i] is not ('\n' or ',' or '}' or ']' or '#') &&
            !(text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/'))
        {
            return false;
        }
        _pos = end;
        var first = text[start];
        scalar = RawScalar(start, end, (uint)(first - '0') <= 9 || first == '-' ? end : start);
        return true;
    }

    /// <summary>
    /// A whole value that is one unquoted run: a number, <c>true</c>, <c>false</c>, <c>null</c> or a
    /// string. Like <see cref="ParseRaw"/>, except that the run is known to be all of the value.
    /// </summary>
    private HoconSlot RawScalar(int start, int end, int numberEnd)
    {
        var text = _text;
        var length = end - start;
        if (numberEnd == end && NumberText.IsNumber(text.AsSpan(start, length), out _, out _))
        {
            return HoconSlot.Inline(ScalarKind.Number, start, length, _source);
        }
        if (length == 4)
        {
            if (string.CompareOrdinal(text, start, "true", 0, 4) == 0)
            {
                return HoconSlot.Inline(ScalarKind.True, start, 4, _source);
            }
            if (string.CompareOrdinal(text, start, "null", 0, 4) == 0)
            {
                return HoconSlot.Inline(ScalarKind.Null, start, 4, _source);
            }
        }
        else if (length == 5 && string.CompareOrdinal(text, start, "false", 0, 5) == 0)
        {
            return HoconSlot.Inline(ScalarKind.False, start, 5, _source);
        }
        return HoconSlot.Inline(ScalarKind.Unquoted, start, length, _source);
    }

    /// <summary>Unquoted text, a number, or a leading <c>true</c>/<c>false</c>/<c>null</c>: one piece of a concatenation.</summary>
    private HoconSlot ParseRaw()
    {
        var start = _pos;
        var text = _text;
        var c = text[start];
        if ((uint)(c - '0') <= 9 || c == '-')
        {
            var end = ScanNumberChars(start);
            var span = text.AsSpan(start, end - start);
            if (NumberText.IsNumber(span, out _, out _))
            {
                _pos = end;
                return HoconSlot.Inline(ScalarKind.Number, start, end - start, _source);
            }
            var plus = span.IndexOf('+');
            if (plus >= 0)
            {
                throw Error(start + plus, "reserved character '+' is not allowed outside quotes; quote the text");
            }
        }
        var stop = ScanUnquoted(start);
        var length = stop - start;
        if (length >= 4)
        {
            if (c == 't' && string.CompareOrdinal(text, start, "true", 0, 4) == 0)
            {
                _pos = start + 4;
                return HoconSlot.Inline(ScalarKind.True, start, 4, _source);
            }
            if (c == 'n' && string.CompareOrdinal(text, start, "null", 0, 4) == 0)
            {
                _pos = start + 4;
                return HoconSlot.Inline(ScalarKind.Null, start, 4, _source);
            }
            if (c == 'f' && length >= 5 && string.CompareOrdinal(text, start, "false", 0, 5) == 0)
            {
                _pos = start + 5;
                return HoconSlot.Inline(ScalarKind.False, start, 5, _source);
            }
        }
        _pos = stop;
        return HoconSlot.Inline(ScalarKind.Unquoted, start, length, _source);
    }

    private HoconSubstitution ParseSubstitution()
    {
        var start = _pos;
        var line = _line;
        var column = Column(start);
        if (start + 1 >= _length || _text[start + 1] != '{')
        {
            throw Error(start, "'$' must start a substitution such as ${path}; quote the text to write a literal '$'");
        }
        _pos += 2;
        var optional = false;
        if (_pos < _length && _text[_pos] == '?')
        {
            optional = true;
            _pos++;
        }
        SkipInlineWhitespace();
        if (_pos >= _length || !StartsPiece(_pos) || _text[_pos] is '{' or '[' or '$')
        {
            throw Error(_pos, $"expected a path inside '${{...}}', found {Describe(_pos)}");
        }
        var path = ParsePathExpression();
        SkipInlineWhitespace();
        if (_pos >= _length || _text[_pos] != '}')
        {
            throw Error(_pos, $"expected '}}' to close the substitution opened at {line}:{column}, found {Describe(_pos)}");
        }
        _pos++;
        if (_prefix.Length > 0)
        {
            path = [.. _prefix, .. path];
        }
        return new HoconSubstitution(new HoconPath(path, owned: true), optional, _prefix.Length, _source, start);
    }

    private HoconValue ParseConcatenation(List<Piece> pieces, int depth)
    {
        // Only inline whitespace is skipped between pieces, so a concatenation never crosses a newline.
        while (true)
        {
            var start = _pos;
            var value = ParsePiece(depth, out var kind);
            pieces.Add(new Piece(value, kind, start, _pos));
            SkipInlineWhitespace();
            if (_pos >= _length || !StartsPiece(_pos))
            {
                break;
            }
        }
        return BuildConcatenation(pieces);
    }

    private HoconValue BuildConcatenation(List<Piece> pieces)
    {
        var first = pieces[0].Value;
        bool anySubstitution = false, anyObject = false, anyArray = false, anySimple = false, allRaw = true;
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Substitution: anySubstitution = true; allRaw = false; break;
                case PieceKind.Object: anyObject = true; allRaw = false; break;
                case PieceKind.Array: anyArray = true; allRaw = false; break;
                case PieceKind.Quoted: anySimple = true; allRaw = false; break;
                default: anySimple = true; break;
            }
        }
        if (!anySubstitution && !anyObject && !anyArray)
        {
            var last = pieces[^1];
            var text = allRaw
                ? _text.Substring(pieces[0].Start, last.End - pieces[0].Start)
                : JoinSimplePieces(pieces, 0, pieces.Count);
            return new HoconString(text, first, StringKind.Unquoted);
        }
        if (!anySubstitution && !anySimple)
        {
            var values = new List<HoconValue>(pieces.Count);
            foreach (var piece in pieces)
            {
                values.Add(piece.Value);
            }
            return Concatenation.Join(values, inPlace: true)!;
        }
        if (!anySubstitution)
        {
            var simple = pieces.Find(p => p.Kind is PieceKind.Raw or PieceKind.Quoted);
            var structured = pieces.Find(p => p.Kind is PieceKind.Object or PieceKind.Array);
            throw new HoconException(simple.Value.Origin,
                $"cannot concatenate {(structured.Kind == PieceKind.Object ? "an object" : "an array")} with a string; quote the whole value or put it on its own line");
        }
        return new HoconConcatenation(ConcatenationPieces(pieces), _source, pieces[0].Start);
    }

    /// <summary>
    /// Pieces for a concatenation that waits for its substitutions: runs of simple pieces become one
    /// string with their inner whitespace; whitespace between other pieces becomes a separator that
    /// vanishes if its neighbours turn out to be objects or arrays.
    /// </summary>
    private HoconValue[] ConcatenationPieces(List<Piece> pieces)
    {
        var result = new List<HoconValue>(pieces.Count * 2);
        var i = 0;
        while (i < pieces.Count)
        {
            var piece = pieces[i];
            if (i > 0 && piece.Start > pieces[i - 1].End && !IsSimple(pieces[i - 1]) && !IsSimple(piece))
            {
                var ws = _text.Substring(pieces[i - 1].End, piece.Start - pieces[i - 1].End);
                result.Add(new HoconString(ws, piece.Value, StringKind.Separator));
            }
            if (!IsSimple(piece))
            {
                result.Add(piece.Value);
                i++;
                continue;
            }
            var runStart = i;
            while (i + 1 < pieces.Count && IsSimple(pieces[i + 1]))
            {
                i++;
            }
            // Whitespace next to a simple piece belongs to the string.
            var text = new StringBuilder();
            if (runStart > 0)
            {
                text.Append(_text, pieces[runStart - 1].End, piece.Start - pieces[runStart - 1].End);
            }
            text.Append(JoinSimplePieces(pieces, runStart, i + 1));
            if (i + 1 < pieces.Count)
            {
                text.Append(_text, pieces[i].End, pieces[i + 1].Start - pieces[i].End);
            }
            result.Add(new HoconString(text.ToString(), piece.Value, StringKind.Unquoted));
            i++;
        }
        return [.. result];
    }

    private static bool IsSimple(Piece piece) => piece.Kind is PieceKind.Raw or PieceKind.Quoted;

    private string JoinSimplePieces(List<Piece> pieces, int from, int to)
    {
        var sb = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var piece = pieces[i];
            if (i > from)
            {
                sb.Append(_text, pieces[i - 1].End, piece.Start - pieces[i - 1].End);
            }
            if (piece.Kind == PieceKind.Quoted)
            {
                sb.Append(((HoconString)piece.Value).Value);
            }
            else
            {
                sb.Append(_text, piece.Start, piece.End - piece.Start);
            }
        }
        return sb.ToString();
    }
}
