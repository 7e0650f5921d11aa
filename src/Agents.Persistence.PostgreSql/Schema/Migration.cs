namespace Agents.Persistence.PostgreSql.Schema;

/// <summary>
/// One numbered step of a schema, shipped in code. <c>{schema}</c> in <paramref name="Sql"/> stands for the quoted
/// schema name.
/// </summary>
/// <param name="Version">The step's number: 1, 2, 3, ... without gaps.</param>
/// <param name="Description">What the step does, recorded in the version table.</param>
/// <param name="Sql">The statements; they run in the migrator's transaction.</param>
public sealed record Migration(int Version, string Description, string Sql);
