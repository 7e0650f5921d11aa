using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Agents.Hocon;

/// <summary>
/// An object: keys mapped to values, enumerated in the order the keys were first defined. Read-only
/// to its users; the parser fills it in place before anyone else can see it.
/// </summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>, IEquatable<HoconObject>
{
    // Small objects (the common case in configuration) are searched linearly; an index is built once
    // an object grows past this many keys.
    private const int IndexThreshold = 32;

    private HoconField[] _fields;
    private int _count;
    private Dictionary<string, int>? _index;
    // One bit per key signature: a key whose bit is clear is certainly absent, which spares most
    // duplicate checks a scan while the parser adds fields.
    private ulong _keyBits;

    /// <summary>Creates an empty object.</summary>
    public HoconObject(HoconOrigin origin) : this(HoconSource.Fixed(origin), 0)
    {
    }

    /// <summary>Creates an object holding <paramref name="fields"/> in order; later duplicates replace earlier ones.</summary>
    public HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields, HoconOrigin origin)
        : this(HoconSource.Fixed(origin), 0)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (key, value) in fields)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            Set(key, value);
        }
    }

    internal HoconObject(HoconSource source, int offset, int capacity = 4) : base(source, offset)
    {
        _fields = capacity == 0 ? [] : new HoconField[capacity];
    }

    internal HoconObject(HoconValue originOf, int capacity) : base(originOf)
    {
        _fields = capacity == 0 ? [] : new HoconField[capacity];
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>Number of keys.</summary>
    public int Count => _count;

    /// <summary>Keys in definition order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _fields[i].Key;
            }
        }
    }

    /// <summary>Values in key definition order.</summary>
    public IEnumerable<HoconValue> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return ValueAt(i);
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> (a single key, not a path).</summary>
    /// <exception cref="KeyNotFoundException">The key is not present.</exception>
    public HoconValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"key '{key}' is not in the object defined at {Origin}");

    /// <summary>True when the object has <paramref name="key"/> (a single key, not a path).</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Looks up a single key (not a path).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }
        value = ValueAt(i);
        return true;
    }

    /// <summary>Enumerates the fields in definition order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<string, HoconValue>(_fields[i].Key, ValueAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Structural equality: same keys with equal values, in any order.</summary>
    public bool Equals(HoconObject? other) => other is not null && ValueEquality.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ValueEquality.HashOf(this);

    /// <summary>
    /// Merges this object over <paramref name="fallback"/> with HOCON's duplicate-key rules: keys of
    /// both are kept, objects under the same key merge recursively, otherwise this object's value wins.
    /// </summary>
    public HoconObject WithFallback(HoconObject fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return (HoconObject)ValueMerge.Merge(this, fallback);
    }

    internal string KeyAt(int i) => _fields[i].Key;

    /// <summary>The value at <paramref name="i"/>, built on first read if the parser kept it as text.</summary>
    internal HoconValue ValueAt(int i) => _fields[i].Slot.Get(Source);

    /// <summary>The value at <paramref name="i"/> if it is built; null for a scalar still kept as text, which needs no resolving.</summary>
    internal HoconValue? BuiltValueAt(int i) => _fields[i].Slot.Built;

    internal void SetValueAt(int i, HoconValue value) => SetSlotAt(i, new HoconSlot(value));

    /// <summary>Replaces the value at <paramref name="i"/>; an inline slot must come from this object's source.</summary>
    internal void SetSlotAt(int i, HoconSlot slot)
    {
        _fields[i].Slot = slot;
        if (slot.NeedsResolution)
        {
            _needsResolution = true;
        }
    }

    /// <summary>
    /// Sets field <paramref name="at"/> (or appends when it is -1) to field <paramref name="i"/> of
    /// <paramref name="other"/>, keeping a scalar inline when both objects read the same source.
    /// </summary>
    internal void SetFrom(int at, HoconObject other, int i)
    {
        var slot = ReferenceEquals(other.Source, Source) ? other._fields[i].Slot : new HoconSlot(other.ValueAt(i));
        if (at < 0)
        {
            AppendSlot(other._fields[i].Key, slot);
        }
        else
        {
            SetSlotAt(at, slot);
        }
    }

    internal void MarkNeedsResolution() => _needsResolution = true;

    /// <summary>
    /// Set once this object has hidden a non-object value: like that value, it then hides anything a
    /// later fallback would add, so <c>{x} over 42 over {y}</c> stays <c>{x}</c>.
    /// </summary>
    internal bool IgnoresFallbacks { get; set; }

    /// <summary>Called by the resolver once every value inside is known to be resolved.</summary>
    internal void ClearNeedsResolution() => _needsResolution = false;

    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }
        if ((_keyBits & KeyBit(key)) == 0)
        {
            return -1;
        }
        var fields = _fields;
        var count = Math.Min(_count, fields.Length);
        // Keys read by the parser are usually the same pooled instances, so a reference match is the
        // common hit; otherwise most keys differ in length or first character before a full compare.
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(fields[i].Key, key))
            {
                return i;
            }
        }
        if (key.Length == 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (fields[i].Key.Length == 0)
                {
                    return i;
                }
            }
            return -1;
        }
        var first = key[0];
        for (var i = 0; i < count; i++)
        {
            var k = fields[i].Key;
            if (k.Length == key.Length && k[0] == first && string.Equals(k, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static ulong KeyBit(string key) =>
        1UL << ((key.Length == 0 ? 0 : key.Length * 7 + key[0] + key[^1] * 3) & 63);

    /// <summary>Removes the field at <paramref name="i"/>, keeping the order of the others.</summary>
    internal void RemoveAt(int i)
    {
        Array.Copy(_fields, i + 1, _fields, i, _count - i - 1);
        _count--;
        _fields[_count] = default;
        _keyBits = 0;
        for (var j = 0; j < _count; j++)
        {
            _keyBits |= KeyBit(_fields[j].Key);
        }
        if (_index is not null)
        {
            _index.Clear();
            for (var j = 0; j < _count; j++)
            {
                _index[_fields[j].Key] = j;
            }
        }
    }

    /// <summary>Sets a key without merging, replacing any value in place.</summary>
    internal void Set(string key, HoconValue value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            SetValueAt(i, value);
            return;
        }
        Append(key, value);
    }

    /// <summary>Adds a key known to be absent.</summary>
    internal void Append(string key, HoconValue value) => AppendSlot(key, new HoconSlot(value));

    /// <summary>Adds a key known to be absent; an inline slot must come from this object's source.</summary>
    internal void AppendSlot(string key, HoconSlot slot)
    {
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, _count == 0 ? 4 : _count * 2);
        }
        _fields[_count] = new HoconField(key, slot);
        _keyBits |= KeyBit(key);
        if (_index is not null)
        {
            _index[key] = _count;
        }
        else if (_count == IndexThreshold)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                _index[_fields[i].Key] = i;
            }
        }
        _count++;
        if (slot.NeedsResolution)
        {
            _needsResolution = true;
        }
    }

    /// <summary>A new object with this one's origin and no fields, for building a changed copy.</summary>
    internal HoconObject EmptyLike(int capacity) =>
        new(this, capacity) { IgnoresFallbacks = IgnoresFallbacks };

    /// <summary>A shallow copy that can be changed without touching this object.</summary>
    internal HoconObject Copy()
    {
        // The copy shares this object's source, so inline scalars stay inline.
        var copy = EmptyLike(_count);
        for (var i = 0; i < _count; i++)
        {
            copy.AppendSlot(_fields[i].Key, _fields[i].Slot);
        }
        return copy;
    }

    /// <summary>
    /// Lets the parser fill this object in a reusable buffer; <see cref="FinishBuilding"/> then keeps
    /// an exactly sized copy, so objects never carry spare capacity or leave outgrown arrays behind.
    /// </summary>
    internal void StartBuilding(HoconField[] buffer) => _fields = buffer;

    /// <summary>Keeps an exact copy of the fields and returns the (possibly grown) buffer for reuse.</summary>
    internal HoconField[] FinishBuilding()
    {
        var buffer = _fields;
        _fields = _count == 0 ? [] : buffer.AsSpan(0, _count).ToArray();
        return buffer;
    }
}

/// <summary>One key and its value inside a <see cref="HoconObject"/>.</summary>
internal struct HoconField(string key, HoconSlot slot)
{
    public readonly string Key = key;
    public HoconSlot Slot = slot;
}
