using Agents.Persistence.Adapters;
using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.PostgreSql.Projections;
using Agents.Persistence.PostgreSql.Query;
using Agents.Persistence.PostgreSql.Schema;
using Agents.Persistence.PostgreSql.Snapshots;
using Agents.Persistence.PostgreSql.Topics;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Agents.Persistence.PostgreSql;

/// <summary>
/// Event sourcing on PostgreSQL over one <see cref="NpgsqlDataSource"/>: the journal, the snapshot store, the
/// read journal and the topic log, sharing one in-process fan-out of change hints (and one LISTEN connection) so that
/// a live query in this process sees this process's writes as soon as they commit. <see cref="StartAsync"/> migrates the schema first.
/// </summary>
/// <example>
/// <code>
/// await using var persistence = await PostgreSqlPersistence.StartAsync(dataSource, serializer);
/// await persistence.Journal.WriteMessagesAsync([new AtomicWrite(new PersistentRepresentation("order-1", 1, placed))]);
/// </code>
/// </example>
public sealed class PostgreSqlPersistence : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlPersistence(
        NpgsqlDataSource dataSource, PostgreSqlPersistenceOptions options, EventCodec codec, TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _dataSource = dataSource;
        Options = options;
        var sql = new JournalSql(options.Schema, options.NotificationChannel);
        var changes = new ChangeNotifier();
        Journal = new PostgreSqlJournal(dataSource, sql, codec, options, changes, time, loggerFactory);
        SnapshotStore = new PostgreSqlSnapshotStore(dataSource, options.Schema, codec, time);
        ReadJournal = new PostgreSqlReadJournal(dataSource, sql, codec, options, changes, time, loggerFactory);
        TopicLog = new PostgreSqlTopicLog(dataSource, sql, new TopicCodec(codec.Serializer), options, changes, time, loggerFactory);
    }

    /// <summary>The settings in use.</summary>
    public PostgreSqlPersistenceOptions Options { get; }

    /// <summary>The journal.</summary>
    public PostgreSqlJournal Journal { get; }

    /// <summary>The snapshot store.</summary>
    public PostgreSqlSnapshotStore SnapshotStore { get; }

    /// <summary>The read journal (queries).</summary>
    public PostgreSqlReadJournal ReadJournal { get; }

    /// <summary>The durable topic log and the offsets of its durable subscriptions.</summary>
    public PostgreSqlTopicLog TopicLog { get; }

    /// <summary>
    /// Validates <paramref name="options"/>, applies missing migrations (unless turned off) and starts the stores.
    /// </summary>
    /// <param name="dataSource">The database; the caller owns and disposes it.</param>
    /// <param name="serializer">Serializes events and snapshots.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="writeAdapters">Applied to each event before it is serialized, e.g. to tag it.</param>
    /// <param name="timeProvider">The clock for timestamps, batching windows and polling.</param>
    /// <param name="loggerFactory">Logs migrations, isolated batches and connection trouble.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message says which and how to fix it.</exception>
    /// <exception cref="JournalStorageException">The database cannot be reached or migrated.</exception>
    public static async Task<PostgreSqlPersistence> StartAsync(
        NpgsqlDataSource dataSource,
        IEventSerializer serializer,
        PostgreSqlPersistenceOptions? options = null,
        IEnumerable<IWriteEventAdapter>? writeAdapters = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serializer);
        options ??= new PostgreSqlPersistenceOptions();
        PostgreSqlPersistenceOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        if (options.ApplyMigrations)
        {
            await CreateMigrator(dataSource, options.Schema, loggerFactory.CreateLogger<SchemaMigrator>())
                .MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PostgreSqlPersistence(
            dataSource, options, new EventCodec(serializer, writeAdapters), timeProvider ?? TimeProvider.System, loggerFactory);
    }

    /// <summary>The migrator of the journal's tables in <paramref name="schema"/>, e.g. for a deployment step.</summary>
    public static SchemaMigrator CreateMigrator(NpgsqlDataSource dataSource, string schema, ILogger? logger = null) =>
        new(dataSource, schema, JournalSchema.Component, JournalSchema.Migrations, logger);

    /// <summary>
    /// A projection named <paramref name="name"/> that applies the events tagged <paramref name="tag"/> to read-model
    /// tables with <paramref name="handler"/>, exactly once across restarts.
    /// </summary>
    public ProjectionRunner CreateProjection(string name, string tag, ProjectionHandler handler) =>
        new(_dataSource, ReadJournal, Options.Schema, name, tag, handler);

    /// <summary>Writes what is queued, then stops the writers and the listener. The data source stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        await TopicLog.DisposeAsync().ConfigureAwait(false);
        await ReadJournal.DisposeAsync().ConfigureAwait(false);
    }
}
