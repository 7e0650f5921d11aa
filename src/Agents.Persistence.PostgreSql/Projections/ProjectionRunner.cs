using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Query;
using Agents.Persistence.Query;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Projections;

/// <summary>
/// Keeps read-model tables up to date from <c>EventsByTag</c>, exactly once: each event is applied by the
/// <see cref="ProjectionHandler"/> in a transaction that also stores the projection's offset, so after a crash the
/// projection resumes right after the last event whose effects committed. The offset update is conditional on the
/// offset this runner read, so a second runner of the same projection fails instead of applying events twice.
/// Create it with <see cref="PostgreSqlPersistence.CreateProjection"/>.
/// </summary>
public sealed class ProjectionRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlReadJournal _readJournal;
    private readonly ProjectionHandler _handler;
    private readonly string _read;
    private readonly string _insert;
    private readonly string _advance;

    internal ProjectionRunner(
        NpgsqlDataSource dataSource, PostgreSqlReadJournal readJournal, string schema, string name, string tag,
        ProjectionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentNullException.ThrowIfNull(handler);
        _dataSource = dataSource;
        _readJournal = readJournal;
        _handler = handler;
        Name = name;
        Tag = tag;
        var table = $"\"{schema}\".projection_offsets";
        _read = $"SELECT ordering FROM {table} WHERE projection = $1";
        _insert = $"INSERT INTO {table} (projection, ordering) VALUES ($1, $2) ON CONFLICT (projection) DO NOTHING";
        _advance = $"UPDATE {table} SET ordering = $2, updated_at = now() WHERE projection = $1 AND ordering = $3";
    }

    /// <summary>The projection's name, the key of its stored offset.</summary>
    public string Name { get; }

    /// <summary>The tag whose events it applies.</summary>
    public string Tag { get; }

    /// <summary>The offset of the last event whose effects committed, or <see cref="NoOffset"/>.</summary>
    public async Task<Offset> ReadOffsetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(_read);
            command.Parameters.Add(new NpgsqlParameter { Value = Name });
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ordering
                ? Offset.Sequence(ordering)
                : Offset.NoOffset;
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Reading the offset of projection '{Name}'", e, "Run it again once the database is reachable.");
        }
    }

    /// <summary>
    /// Applies events from the stored offset on, then follows new ones until <paramref name="cancellationToken"/>
    /// is cancelled (the task then ends with <see cref="OperationCanceledException"/>).
    /// </summary>
    /// <exception cref="ProjectionFailedException">The handler failed; the event was not applied.</exception>
    /// <exception cref="JournalStorageException">The database failed, or another runner of this projection advanced it.</exception>
    public Task RunAsync(CancellationToken cancellationToken = default) => RunAsync(null, cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync(CancellationToken)"/>, and calls <paramref name="committed"/> after each event's
    /// transaction committed, e.g. to report progress.
    /// </summary>
    public async Task RunAsync(Action<EventEnvelope>? committed, CancellationToken cancellationToken = default)
    {
        var offset = await ReadOffsetAsync(cancellationToken).ConfigureAwait(false);
        var stored = offset is Sequence sequence ? sequence.Value : (long?)null;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var envelope in _readJournal.EventsByTag(Tag, offset, cancellationToken).ConfigureAwait(false))
        {
            var ordering = ((Sequence)envelope.Offset).Value;
            await ApplyAsync(connection, envelope, stored, ordering, cancellationToken).ConfigureAwait(false);
            stored = ordering;
            committed?.Invoke(envelope);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Starting projection '{Name}'", e, "Run it again once the database is reachable.");
        }
    }

    private async Task ApplyAsync(
        NpgsqlConnection connection, EventEnvelope envelope, long? stored, long ordering, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _handler(envelope, transaction, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new ProjectionFailedException(Name, envelope.PersistenceId, envelope.SequenceNr, e);
            }

            await using var advance = new NpgsqlCommand(stored is null ? _insert : _advance, connection, transaction);
            advance.Parameters.Add(new NpgsqlParameter { Value = Name });
            advance.Parameters.Add(new NpgsqlParameter { Value = ordering });
            if (stored is { } previous)
            {
                advance.Parameters.Add(new NpgsqlParameter { Value = previous });
            }

            if (await advance.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new JournalStorageException(
                    $"Projection '{Name}' found its offset moved by someone else: another runner of the same " +
                    "projection is active. This runner stopped without applying the event; run one runner per projection.");
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            throw StorageFailure.Wrap(_dataSource, $"Applying event {envelope.SequenceNr} of '{envelope.PersistenceId}' in projection '{Name}'", e,
                "Its effects were not committed; the projection resumes with this event when run again.");
        }
    }
}
