namespace Agents.Actors;

/// <summary>
/// Messages an actor set aside to process later, typically while it waits for something in another
/// behaviour. Unstashed messages go back to the front of the mailbox in their original order, with
/// their original senders. On restart the stash is put back into the mailbox; on stop its messages
/// become dead letters. Bounded by <see cref="ActorSystemSettings.StashCapacity"/>.
/// </summary>
public interface IStash
{
    /// <summary>Sets the current message aside.</summary>
    /// <exception cref="StashOverflowException">The stash is full.</exception>
    /// <exception cref="InvalidOperationException">The current message was already stashed, or there is no current message.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Puts back the stashed messages that match <paramref name="predicate"/>; the others stay stashed.</summary>
    void UnstashAll(Func<object, bool> predicate);

    /// <summary>Removes and returns every stashed message without processing them.</summary>
    IReadOnlyList<object> ClearStash();

    /// <summary>The number of stashed messages.</summary>
    int Count { get; }

    /// <summary>The most messages the stash holds.</summary>
    int Capacity { get; }
}
