using System.Runtime.CompilerServices;
using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>
/// The PostgreSQL journal: events are rows of <c>journal</c> (payload as <c>jsonb</c>, readable with plain SQL),
/// written through a group-committing writer; the unique key (persistence_id, sequence_nr) fences a second writer.
/// Deleting events marks them deleted and records the highest sequence number in <c>journal_metadata</c>.
/// Obtain it from <see cref="PostgreSqlPersistence"/>.
/// </summary>
public sealed class PostgreSqlJournal : IJournal, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalSql _sql;
    private readonly EventCodec _codec;
    private readonly TimeProvider _time;
    private readonly JournalWriter _writer;

    internal PostgreSqlJournal(
        NpgsqlDataSource dataSource, JournalSql sql, EventCodec codec, PostgreSqlPersistenceOptions options,
        Persistence.Query.ChangeNotifier changes, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _dataSource = dataSource;
        _sql = sql;
        _codec = codec;
        _time = time;
        var logger = loggerFactory.CreateLogger<PostgreSqlJournal>();
        _writer = new JournalWriter(dataSource, sql, new JournalNotifier(changes), options, time, logger);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(
        IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<Exception?>>(cancellationToken);
        }

        var results = new Exception?[writes.Count];
        var accepted = new List<(int, StoredEvent[])>(writes.Count);
        var timestamp = _time.GetUtcNow();
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                accepted.Add((i, _codec.Encode(writes[i], timestamp)));
            }
            catch (WriteRejectedException e)
            {
                results[i] = e;
            }
        }

        return accepted.Count == 0
            ? Task.FromResult<IReadOnlyList<Exception?>>(results)
            : _writer.WriteAsync(new WriteRequest(accepted, results));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersistentRepresentation> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        if (max <= 0 || fromSequenceNr > toSequenceNr)
        {
            yield break;
        }

        NpgsqlConnection? connection = null;
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            try
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                command = new NpgsqlCommand(_sql.Replay, connection)
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = persistenceId },
                        new NpgsqlParameter { Value = fromSequenceNr },
                        new NpgsqlParameter { Value = toSequenceNr },
                        new NpgsqlParameter { Value = max },
                    },
                };

                // Prepared once per pooled connection: recovering many entities runs this statement many times.
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StorageFailure.IsStorageFailure(e))
            {
                throw ReadFailure(persistenceId, e);
            }

            while (true)
            {
                PersistentRepresentation next;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    next = Read(persistenceId, reader);
                }
                catch (Exception e) when (StorageFailure.IsStorageFailure(e))
                {
                    throw ReadFailure(persistenceId, e);
                }

                yield return next;
            }
        }
        finally
        {
            if (reader is not null)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(
        string persistenceId, long fromSequenceNr = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        try
        {
            await using var command = _dataSource.CreateCommand(_sql.HighestSequenceNr);
            command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw ReadFailure(persistenceId, e);
        }
    }

    /// <inheritdoc />
    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        try
        {
            await using var command = _dataSource.CreateCommand(_sql.Delete);
            command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
            command.Parameters.Add(new NpgsqlParameter { Value = toSequenceNr });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(
                _dataSource, $"Deleting events of '{persistenceId}' up to {toSequenceNr}", e,
                "Nothing was deleted; try again once the database is reachable.");
        }
    }

    /// <summary>Writes what is queued, then stops the writer. Safe to call more than once.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private PersistentRepresentation Read(string persistenceId, NpgsqlDataReader reader)
    {
        var sequenceNr = reader.GetInt64(0);
        var payload = new SerializedPayload(reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3));
        return new PersistentRepresentation(persistenceId, sequenceNr, _codec.DecodePayload(persistenceId, sequenceNr, payload))
        {
            Manifest = payload.Manifest,
            Tags = reader.GetFieldValue<string[]>(4),
            WriterId = reader.GetString(5),
            Timestamp = reader.GetFieldValue<DateTimeOffset>(6),
        };
    }

    private Exception ReadFailure(string persistenceId, Exception e) => StorageFailure.Wrap(
        _dataSource, $"Reading events of '{persistenceId}'", e, "Try again once the database is reachable.");
}
