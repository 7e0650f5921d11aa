namespace Agents.Persistence.Query;

/// <summary>
/// A store's query side (Akka.NET Persistence Query). A read journal implements the query interfaces it supports:
/// <see cref="ICurrentEventsByPersistenceIdQuery"/>, <see cref="IEventsByPersistenceIdQuery"/>,
/// <see cref="ICurrentEventsByTagQuery"/>, <see cref="IEventsByTagQuery"/>,
/// <see cref="ICurrentPersistenceIdsQuery"/> and <see cref="IPersistenceIdsQuery"/>.
/// </summary>
/// <remarks>
/// <b>Current</b> queries end once they have delivered what was stored when they started. <b>Live</b> queries
/// deliver the same and then keep delivering later writes until the enumeration is cancelled or disposed.
/// Deleted events are never delivered. An event that cannot be deserialized ends the stream with an
/// <see cref="Serialization.EventDeserializationException"/>: queries never skip an event silently.
/// </remarks>
public interface IReadJournal
{
}
