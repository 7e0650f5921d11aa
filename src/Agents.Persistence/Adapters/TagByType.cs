namespace Agents.Persistence.Adapters;

/// <summary>
/// A ready-made <see cref="IWriteEventAdapter"/> that tags every event assignable to
/// <typeparamref name="TEvent"/> with fixed tags.
/// </summary>
/// <typeparam name="TEvent">The events to tag.</typeparam>
public sealed class TagByType<TEvent> : IWriteEventAdapter
{
    private readonly string[] _tags;

    /// <summary>Tags matching events with <paramref name="tags"/>.</summary>
    public TagByType(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = [.. tags];
    }

    /// <inheritdoc />
    public object ToJournal(object @event) => @event is TEvent ? new Tagged(@event, _tags) : @event;
}
