using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

internal sealed partial class JournalWriter
{
    /// <summary>
    /// Writes a spoiled batch again in one transaction, each request under a savepoint and each of its atomic
    /// writes under a nested one: a request that reuses a stored sequence number is rolled back whole and fails
    /// with <see cref="SequenceNumberConflictException"/>; an atomic write whose data PostgreSQL refuses is rolled
    /// back alone and rejected; everything else commits together.
    /// </summary>
    private async Task WriteOneByOneAsync(List<WriteRequest> batch)
    {
        var stored = new List<WriteRequest>(batch.Count);
        var conflicts = new List<(WriteRequest Request, Exception Error)>();
        try
        {
            var connection = await ConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var request in batch)
            {
                var conflict = await WriteRequestAsync(connection, transaction, request).ConfigureAwait(false);
                if (conflict is null)
                {
                    stored.Add(request);
                }
                else
                {
                    conflicts.Add((request, conflict));
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            await FailAllAsync(batch, batch.Sum(r => r.EventCount), e).ConfigureAwait(false);
            return;
        }

        foreach (var (request, error) in conflicts)
        {
            request.Fail(error);
        }

        Committed(stored);
    }

    /// <returns>The conflict that failed the request, or null when its writes were stored or rejected.</returns>
    private async Task<Exception?> WriteRequestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WriteRequest request)
    {
        await transaction.SaveAsync("request").ConfigureAwait(false);
        foreach (var (index, events) in request.Writes)
        {
            if (request.Results[index] is not null)
            {
                continue;
            }

            await transaction.SaveAsync("write").ConfigureAwait(false);
            try
            {
                await using var command = InsertCommand.Create(_sql, InsertCommand.AnyTagged(events), connection, transaction);
                InsertCommand.Bind(command.Parameters, events);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                await transaction.ReleaseAsync("write").ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == JournalSql.SequenceKey)
            {
                await transaction.RollbackAsync("request").ConfigureAwait(false);
                var sequenceNr = await FindConflictAsync(connection, transaction, request, events).ConfigureAwait(false);
                return new SequenceNumberConflictException(events[0].PersistenceId, sequenceNr, e);
            }
            catch (PostgresException e) when (IsCausedByOneWrite(e))
            {
                await transaction.RollbackAsync("write").ConfigureAwait(false);
                request.Results[index] = new WriteRejectedException(
                    events[0].PersistenceId, events[0].SequenceNr,
                    new EventSerializationException($"PostgreSQL refused the event data ({e.SqlState}): {e.MessageText}", e));
            }
        }

        await transaction.ReleaseAsync("request").ConfigureAwait(false);
        return null;
    }

    /// <summary>The first sequence number of <paramref name="events"/> that is taken, for the error message.</summary>
    private async Task<long> FindConflictAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, WriteRequest request, StoredEvent[] events)
    {
        // Two writes of this request may carry the same number; the database cannot show that after the rollback.
        var seen = new HashSet<long>();
        foreach (var (_, other) in request.Writes)
        {
            if (ReferenceEquals(other, events))
            {
                break;
            }

            foreach (var e in other.Where(e => e.PersistenceId == events[0].PersistenceId))
            {
                seen.Add(e.SequenceNr);
            }
        }

        var duplicate = events.FirstOrDefault(e => seen.Contains(e.SequenceNr));
        if (duplicate is not null)
        {
            return duplicate.SequenceNr;
        }

        await using var command = new NpgsqlCommand(_sql.FindStored, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = events[0].PersistenceId },
                new NpgsqlParameter { Value = events.Select(e => e.SequenceNr).ToArray() },
            },
        };
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is long taken ? taken : events[0].SequenceNr;
    }
}
