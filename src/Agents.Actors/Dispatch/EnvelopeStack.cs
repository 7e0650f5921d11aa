namespace Agents.Actors;

/// <summary>
/// Messages put back at the front of a mailbox by <see cref="IStash.UnstashAll()"/>. Only the
/// mailbox's consumer touches it, so it needs no synchronisation.
/// </summary>
internal sealed class EnvelopeStack
{
    private Envelope[] _items = new Envelope[4];

    public int Count { get; private set; }

    /// <summary>Puts <paramref name="envelopes"/> in front of everything, keeping their order.</summary>
    public void PushFront(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            Push(envelopes[i]);
        }
    }

    public void Push(Envelope envelope)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = envelope;
    }

    public bool TryPop(out Envelope envelope)
    {
        if (Count == 0)
        {
            envelope = default;
            return false;
        }
        envelope = _items[--Count];
        _items[Count] = default;
        return true;
    }
}
