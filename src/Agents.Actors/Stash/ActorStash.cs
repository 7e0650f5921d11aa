namespace Agents.Actors;

/// <summary>The <see cref="IStash"/> of one actor; it outlives restarts (and is emptied back into the mailbox by them).</summary>
internal sealed class ActorStash(ActorCell cell, int capacity) : IStash
{
    private readonly Queue<Envelope> _items = new();
    private object? _stashedInThisTurn;

    public int Count => _items.Count;

    public int Capacity => capacity;

    /// <summary>Called by the cell before each message, so "stashed twice" means twice in one turn.</summary>
    public void BeginMessage() => _stashedInThisTurn = null;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new InvalidOperationException(
            $"Stash() was called on {cell.Self.Path} outside of message processing; call it from a handler to set the current message aside.");
        if (ReferenceEquals(_stashedInThisTurn, message))
        {
            throw new InvalidOperationException(
                $"{cell.Self.Path} stashed the same {message.GetType().Name} twice while processing it; call Stash() once per message.");
        }
        if (_items.Count >= capacity)
        {
            throw new StashOverflowException(
                $"The stash of {cell.Self.Path} is full ({capacity} messages) and cannot take a {message.GetType().Name}. " +
                "Unstash before stashing more, or raise ActorSystemSettings.StashCapacity.");
        }
        _items.Enqueue(new Envelope(message, cell.CurrentSender));
        _stashedInThisTurn = message;
    }

    public void Unstash()
    {
        if (_items.TryDequeue(out var envelope))
        {
            cell.Mailbox.Prepend([envelope]);
        }
    }

    public void UnstashAll()
    {
        if (_items.Count == 0)
        {
            return;
        }
        var envelopes = _items.ToArray();
        _items.Clear();
        cell.Mailbox.Prepend(envelopes);
    }

    public void UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (_items.Count == 0)
        {
            return;
        }
        var back = new List<Envelope>();
        var keep = new List<Envelope>();
        foreach (var envelope in _items)
        {
            (predicate(envelope.Message!) ? back : keep).Add(envelope);
        }
        _items.Clear();
        foreach (var envelope in keep)
        {
            _items.Enqueue(envelope);
        }
        cell.Mailbox.Prepend(back);
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _items.Select(e => e.Message!).ToArray();
        _items.Clear();
        return messages;
    }

    /// <summary>Sends what is left to dead letters when the actor stops.</summary>
    public void DrainToDeadLetters()
    {
        while (_items.TryDequeue(out var envelope))
        {
            cell.System.DeadLetterOf(envelope.Message!, envelope.Sender, cell.Self);
        }
    }
}
