using Agents.Persistence.Adapters;

namespace Agents.TestKit.Persistence;

/// <summary>Tags each <see cref="SpecEvent"/> that names an <see cref="SpecEvent.AdapterTag"/> with it.</summary>
public sealed class SpecEventTagger : IWriteEventAdapter
{
    /// <inheritdoc />
    public object ToJournal(object @event) =>
        @event is SpecEvent { AdapterTag: { } tag } ? new Tagged(@event, [tag]) : @event;
}
