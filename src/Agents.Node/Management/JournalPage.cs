namespace Agents.Node.Management;

/// <summary>A page of an entity's stored events; empty when the entity has none in the range (or does not exist).</summary>
/// <param name="PersistenceId">The entity's persistence id.</param>
/// <param name="Events">The events, by sequence number.</param>
public sealed record JournalPage(string PersistenceId, IReadOnlyList<JournalEvent> Events);
