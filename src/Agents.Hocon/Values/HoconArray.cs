using System.Collections;

namespace Agents.Hocon;

/// <summary>An array of values, in order.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>, IEquatable<HoconArray>
{
    private HoconSlot[] _items;
    private int _count;

    /// <summary>Creates an array holding <paramref name="items"/>.</summary>
    public HoconArray(IEnumerable<HoconValue> items, HoconOrigin origin) : this(HoconSource.Fixed(origin), 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            Add(item);
        }
    }

    internal HoconArray(HoconSource source, int offset, int capacity = 0) : base(source, offset)
    {
        _items = capacity == 0 ? [] : new HoconSlot[capacity];
    }

    internal HoconArray(HoconValue originOf, int capacity) : base(originOf)
    {
        _items = capacity == 0 ? [] : new HoconSlot[capacity];
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <summary>Number of elements.</summary>
    public int Count => _count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public HoconValue this[int index] =>
        (uint)index < (uint)_count ? ItemAt(index) : throw new ArgumentOutOfRangeException(nameof(index), index, $"the array defined at {Origin} has {_count} elements");

    /// <summary>Structural equality: equal elements in the same order.</summary>
    public bool Equals(HoconArray? other) => other is not null && ValueEquality.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ValueEquality.HashOf(this);

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return ItemAt(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(HoconValue item) => AddSlot(new HoconSlot(item));

    /// <summary>Adds an element; an inline slot must come from this array's source.</summary>
    internal void AddSlot(HoconSlot item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count == 0 ? 4 : _count * 2);
        }
        _items[_count++] = item;
        if (item.NeedsResolution)
        {
            _needsResolution = true;
        }
    }

    /// <summary>Adds element <paramref name="i"/> of <paramref name="other"/>, keeping it inline when both arrays read the same source.</summary>
    internal void AddFrom(HoconArray other, int i) =>
        AddSlot(ReferenceEquals(other.Source, Source) ? other._items[i] : new HoconSlot(other.ItemAt(i)));

    /// <summary>The element at <paramref name="i"/>, built on first read if the parser kept it as text.</summary>
    internal HoconValue ItemAt(int i) => _items[i].Get(Source);

    /// <summary>The element at <paramref name="i"/> if it is built; null for a scalar still kept as text, which needs no resolving.</summary>
    internal HoconValue? BuiltItemAt(int i) => _items[i].Built;

    internal void SetItemAt(int i, HoconValue item) => _items[i] = new HoconSlot(item);

    internal void RemoveAt(int i)
    {
        Array.Copy(_items, i + 1, _items, i, _count - i - 1);
        _items[--_count] = default;
    }

    /// <summary>Called by the resolver once every element is known to be resolved.</summary>
    internal void ClearNeedsResolution() => _needsResolution = false;
}
