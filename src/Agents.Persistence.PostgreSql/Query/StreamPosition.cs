namespace Agents.Persistence.PostgreSql.Query;

/// <summary>
/// A position in the global order: the writing transaction, then the identity value. Readers only read rows whose
/// transaction is below the horizon of transactions in flight, so no row can later appear before a position
/// already passed — which ordering alone cannot promise, as identity values are handed out before commit.
/// </summary>
/// <param name="Transaction">The row's <c>tx</c> (xid8).</param>
/// <param name="Ordering">The row's <c>ordering</c>.</param>
internal readonly record struct StreamPosition(ulong Transaction, long Ordering)
{
    public static StreamPosition Start => default;
}
