namespace Agents.Hocon.Parsing;

/// <summary>
/// Single-pass recursive-descent parser of HOCON text. It reads the string directly, with no token
/// list and no token objects; keys and scalars are sliced out once, objects are filled in place and
/// duplicate keys are merged as they are read.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly string _text;
    private readonly int _length;
    private readonly string _origin;
    private readonly HoconSource _source;
    private readonly ParseSession _session;
    // Full file path or resource: name of the text, the base for relative includes; null for plain text.
    private readonly string? _sourceName;
    private readonly string[] _prefix;
    private readonly int _baseDepth;
    // Keys of the fields enclosing the current value, for include prefixes and +=.
    private string[] _path = new string[16];
    private int _pathCount;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private HoconParser(string text, string origin, string? sourceName, ParseSession session, string[] prefix, int baseDepth)
    {
        _text = text;
        _length = text.Length;
        _origin = origin;
        _source = new HoconSource(origin, text) { Strings = session.Strings };
        _sourceName = sourceName;
        _session = session;
        _prefix = prefix;
        _baseDepth = baseDepth;
    }

    /// <summary>Parses a whole document; the root is an object or an array.</summary>
    public static HoconValue ParseDocument(
        string text, string origin, string? sourceName, ParseSession session, string[] prefix, int baseDepth) =>
        new HoconParser(text, origin, sourceName, session, prefix, baseDepth).ParseRoot();

    private HoconValue ParseRoot()
    {
        SkipWhitespaceNewlinesComments();
        if (_pos >= _length)
        {
            return new HoconObject(_source, 0);
        }
        HoconValue root;
        var c = _text[_pos];
        if (c == '{')
        {
            root = ParseBracedObject(_baseDepth + 1);
        }
        else if (c == '[')
        {
            root = ParseArray(_baseDepth + 1);
        }
        else
        {
            var obj = new HoconObject(_source, _pos, 0);
            obj.StartBuilding(_session.TakeFieldBuffer(_baseDepth + 1));
            ParseFields(obj, braced: false, 0, 0, _baseDepth + 1);
            _session.ReturnFieldBuffer(_baseDepth + 1, obj.FinishBuilding());
            return obj;
        }
        SkipWhitespaceNewlinesComments();
        if (_pos < _length)
        {
            throw Error(_pos, $"expected end of input after the root {(root is HoconArray ? "array" : "object")}, found {Describe(_pos)}");
        }
        return root;
    }

    private HoconObject ParseBracedObject(int depth)
    {
        CheckDepth(depth);
        var line = _line;
        var column = Column(_pos);
        var obj = new HoconObject(_source, _pos, 0);
        _pos++;
        obj.StartBuilding(_session.TakeFieldBuffer(depth));
        ParseFields(obj, braced: true, line, column, depth);
        _session.ReturnFieldBuffer(depth, obj.FinishBuilding());
        return obj;
    }

    private void ParseFields(HoconObject obj, bool braced, int openLine, int openColumn, int depth)
    {
        while (true)
        {
            SkipWhitespaceNewlinesComments();
            if (_pos >= _length)
            {
                if (braced)
                {
                    throw Error(_pos, $"expected '}}' to close the object opened at {openLine}:{openColumn}, found end of input");
                }
                return;
            }
            var c = _text[_pos];
            if (c == '}')
            {
                if (braced)
                {
                    _pos++;
                    return;
                }
                throw Error(_pos, "unbalanced '}': the file does not start with '{', so it may not close one; remove it or add '{' at the start");
            }
            if (c == ',')
            {
                throw Error(_pos, "expected a key, found ','; a comma may only follow a field (no leading or doubled commas)");
            }
            if (IsIncludeKeyword())
            {
                ParseInclude(obj, depth);
            }
            else
            {
                ParseField(obj, depth);
            }
            SkipSeparator('}', "a field", "a key or '}'");
        }
    }

    private void ParseField(HoconObject obj, int depth)
    {
        var keyAt = _pos;
        if (!StartsPiece(_pos) || _text[_pos] is '{' or '[' or '$')
        {
            throw Error(_pos, $"expected a key, found {Describe(_pos)}");
        }
        var pathMark = _pathCount;
        ParseKey();
        SkipWhitespaceNewlinesComments();
        if (_pos >= _length)
        {
            throw Error(_pos, $"expected ':', '=' or '{{' after the key '{KeyText(pathMark)}', found end of input");
        }
        var c = _text[_pos];
        var append = false;
        if (c == ':' || c == '=')
        {
            _pos++;
        }
        else if (c == '+' && _pos + 1 < _length && _text[_pos + 1] == '=')
        {
            _pos += 2;
            append = true;
        }
        else if (c != '{')
        {
            throw Error(_pos, $"expected ':', '=' or '{{' after the key '{KeyText(pathMark)}', found {Describe(_pos)}");
        }
        if (c != '{')
        {
            SkipWhitespaceNewlinesComments();
            if (_pos >= _length || !StartsPiece(_pos))
            {
                throw Error(_pos, $"expected a value for '{KeyText(pathMark)}', found {Describe(_pos)}");
            }
        }

        var value = ParseValue(depth);
        if (append)
        {
            value = new HoconSlot(AppendExpression(value.Get(_source), keyAt));
        }
        if (_pathCount - pathMark == 1)
        {
            SetField(obj, _path[pathMark], value);
        }
        else
        {
            SetPath(obj, pathMark, value, keyAt);
        }
        _pathCount = pathMark;
    }

    private void PushPath(string key)
    {
        if (_pathCount == _path.Length)
        {
            Array.Resize(ref _path, _pathCount * 2);
        }
        _path[_pathCount++] = key;
    }

    /// <summary><c>a += v</c> means <c>a = ${?a} [v]</c>, with the full path of <c>a</c>.</summary>
    private HoconConcatenation AppendExpression(HoconValue value, int at)
    {
        string[] full = [.. _prefix, .. _path.AsSpan(0, _pathCount)];
        var self = new HoconSubstitution(new HoconPath(full, owned: true), optional: true, _prefix.Length, _source, at);
        var array = new HoconArray(value, 1);
        array.Add(value);
        return new HoconConcatenation([self, array], _source, at);
    }

    private void SetField(HoconObject obj, string key, HoconValue value) => SetField(obj, key, new HoconSlot(value));

    /// <summary>Sets a key, merging with an earlier value.</summary>
    private void SetField(HoconObject obj, string key, HoconSlot value)
    {
        if (value.Built is null && !ReferenceEquals(obj.Source, _source))
        {
            // An object of an included file holds text of that file only: build the scalar now.
            value = new HoconSlot(value.Get(_source));
        }
        var i = obj.IndexOf(key);
        if (i < 0)
        {
            obj.AppendSlot(key, value);
        }
        else if (value.Built is { } built)
        {
            obj.SetValueAt(i, ValueMerge.MergeInPlace(built, obj.ValueAt(i)));
        }
        else
        {
            // A plain scalar replaces whatever was there, as ValueMerge would.
            obj.SetSlotAt(i, value);
        }
    }

    private void SetPath(HoconObject obj, int mark, HoconSlot value, int at)
    {
        var path = _path;
        var last = _pathCount - 1;
        for (var k = mark; k < last; k++)
        {
            var i = obj.IndexOf(path[k]);
            if (i >= 0 && obj.ValueAt(i) is HoconObject child)
            {
                if (value.NeedsResolution)
                {
                    obj.MarkNeedsResolution();
                }
                obj = child;
                continue;
            }
            var wrapped = value;
            for (var j = last; j > k; j--)
            {
                var holder = new HoconObject(_source, at, 1);
                holder.AppendSlot(path[j], wrapped);
                wrapped = new HoconSlot(holder);
            }
            SetField(obj, path[k], wrapped);
            return;
        }
        SetField(obj, path[last], value);
    }

    private HoconArray ParseArray(int depth)
    {
        CheckDepth(depth);
        var openLine = _line;
        var openColumn = Column(_pos);
        _pos++;
        var array = new HoconArray(_source, _pos - 1);
        while (true)
        {
            SkipWhitespaceNewlinesComments();
            if (_pos >= _length)
            {
                throw Error(_pos, $"expected ']' to close the array opened at {openLine}:{openColumn}, found end of input");
            }
            var c = _text[_pos];
            if (c == ']')
            {
                _pos++;
                return array;
            }
            if (!StartsPiece(_pos))
            {
                throw Error(_pos, c == ','
                    ? "expected a value or ']', found ','; a comma may only follow an element (no leading or doubled commas)"
                    : $"expected a value or ']', found {Describe(_pos)}");
            }
            array.AddSlot(ParseValue(depth));
            SkipSeparator(']', "an array element", "a value or ']'");
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > _session.MaxDepth)
        {
            throw Error(_pos, $"objects and arrays are nested more than {_session.MaxDepth} deep; flatten the document or raise HoconParseOptions.MaxDepth");
        }
    }

    /// <summary>
    /// Steps over what separates one field or element from the next: a comma (with the newlines and
    /// comments after it), a newline, or nothing before the closing <paramref name="close"/>.
    /// </summary>
    private void SkipSeparator(char close, string item, string expectedNext)
    {
        SkipInlineWhitespaceAndComment();
        if (_pos >= _length)
        {
            return;
        }
        var c = _text[_pos];
        if (c == ',')
        {
            _pos++;
            SkipWhitespaceNewlinesComments();
            if (_pos < _length && _text[_pos] == ',')
            {
                throw Error(_pos, $"expected {expectedNext}, found a second ','; remove one of the commas");
            }
        }
        else if (c != '\n' && c != close)
        {
            throw Error(_pos, $"expected ',', a newline or '{close}' after {item}, found {Describe(_pos)}");
        }
    }
}
