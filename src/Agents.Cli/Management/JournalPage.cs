namespace Agents.Cli.Management;

/// <summary>The body of <c>GET /api/journal/{persistenceId}</c>.</summary>
/// <param name="PersistenceId">The persistent actor whose events these are.</param>
/// <param name="Events">The events, by sequence number.</param>
internal sealed record JournalPage(string PersistenceId, IReadOnlyList<JournalEvent> Events);
