using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace Agents.Persistence.PostgreSql.Snapshots;

/// <summary>
/// The PostgreSQL snapshot store: one row of <c>snapshots</c> per (persistence id, sequence number), payload as
/// <c>jsonb</c>. Obtain it from <see cref="PostgreSqlPersistence"/>.
/// </summary>
public sealed class PostgreSqlSnapshotStore : ISnapshotStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventCodec _codec;
    private readonly TimeProvider _time;
    private readonly string _load;
    private readonly string _save;
    private readonly string _deleteOne;
    private readonly string _deleteMatching;

    internal PostgreSqlSnapshotStore(NpgsqlDataSource dataSource, string schema, EventCodec codec, TimeProvider time)
    {
        _dataSource = dataSource;
        _codec = codec;
        _time = time;
        var table = $"\"{schema}\".snapshots";
        const string Criteria = "persistence_id = $1 AND sequence_nr BETWEEN $2 AND $3 AND created_at BETWEEN $4 AND $5";
        _load = $"SELECT sequence_nr, created_at, manifest, version, payload FROM {table} WHERE {Criteria} ORDER BY sequence_nr DESC LIMIT 1";
        _save = $"""
            INSERT INTO {table} (persistence_id, sequence_nr, created_at, manifest, version, payload)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
                SET created_at = excluded.created_at, manifest = excluded.manifest, version = excluded.version, payload = excluded.payload
            """;
        _deleteOne = $"DELETE FROM {table} WHERE persistence_id = $1 AND sequence_nr = $2";
        _deleteMatching = $"DELETE FROM {table} WHERE {Criteria}";
    }

    /// <inheritdoc />
    public async Task<SelectedSnapshot?> LoadAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        SnapshotMetadata metadata;
        SerializedPayload payload;
        try
        {
            await using var command = WithCriteria(_load, persistenceId, criteria);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            metadata = new SnapshotMetadata(persistenceId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
            payload = new SerializedPayload(reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<byte[]>(4));
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Loading a snapshot of '{persistenceId}'", e,
                "Try again once the database is reachable.");
        }

        return new SelectedSnapshot(metadata, _codec.DecodePayload(persistenceId, metadata.SequenceNr, payload));
    }

    /// <inheritdoc />
    public async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        var payload = _codec.Serializer.Serialize(snapshot);
        var timestamp = metadata.Timestamp == default ? _time.GetUtcNow() : metadata.Timestamp;
        try
        {
            await using var command = _dataSource.CreateCommand(_save);
            command.Parameters.Add(new NpgsqlParameter { Value = metadata.PersistenceId });
            command.Parameters.Add(new NpgsqlParameter { Value = metadata.SequenceNr });
            command.Parameters.Add(new NpgsqlParameter { Value = timestamp.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = payload.Manifest });
            command.Parameters.Add(new NpgsqlParameter { Value = payload.Version });
            command.Parameters.Add(new NpgsqlParameter { Value = payload.Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Saving snapshot {metadata.SequenceNr} of '{metadata.PersistenceId}'", e,
                "Whether it was stored is unknown; the entity can keep running and snapshot again later.");
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await ExecuteDeleteAsync(
            () =>
            {
                var command = _dataSource.CreateCommand(_deleteOne);
                command.Parameters.Add(new NpgsqlParameter { Value = metadata.PersistenceId });
                command.Parameters.Add(new NpgsqlParameter { Value = metadata.SequenceNr });
                return command;
            },
            metadata.PersistenceId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(
        string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await ExecuteDeleteAsync(() => WithCriteria(_deleteMatching, persistenceId, criteria), persistenceId, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task ExecuteDeleteAsync(Func<NpgsqlCommand> create, string persistenceId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = create();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Deleting snapshots of '{persistenceId}'", e,
                "Nothing was deleted; try again once the database is reachable.");
        }
    }

    private NpgsqlCommand WithCriteria(string sql, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MinSequenceNr });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MaxSequenceNr });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MinTimestamp.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = criteria.MaxTimestamp.ToUniversalTime() });
        return command;
    }
}
