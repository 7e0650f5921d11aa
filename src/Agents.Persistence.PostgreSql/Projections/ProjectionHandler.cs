using Agents.Persistence.Query;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Projections;

/// <summary>
/// Applies one event to read-model tables using <paramref name="transaction"/> (and its connection). The runner
/// commits the transaction together with the projection's new offset; the handler must neither commit nor roll
/// it back, and must not keep state outside the database that a retry would apply twice.
/// </summary>
/// <param name="envelope">The event and its offset.</param>
/// <param name="transaction">The open transaction the effects must be written in.</param>
/// <param name="cancellationToken">Cancelled when the projection stops.</param>
public delegate Task ProjectionHandler(EventEnvelope envelope, NpgsqlTransaction transaction, CancellationToken cancellationToken);
