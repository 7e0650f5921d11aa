namespace Agents.Persistence.PostgreSql;

/// <summary>
/// Settings of the PostgreSQL journal, snapshot store and queries: the section <c>agents.persistence.postgresql</c>
/// of the configuration (see the library's <c>reference.conf</c>), bound by
/// <see cref="Configuration.PostgreSqlPersistenceConfig"/> and checked by
/// <see cref="PostgreSqlPersistenceOptionsValidator"/> when a store starts.
/// </summary>
public sealed class PostgreSqlPersistenceOptions
{
    /// <summary>
    /// The Npgsql connection string of the database that holds the journal, for
    /// <see cref="Configuration.PostgreSqlPersistenceServiceCollectionExtensions.AddPostgreSqlPersistence"/>, which
    /// builds the data source from it. <see cref="PostgreSqlPersistence.StartAsync"/> is given a data source instead
    /// and ignores it. Setting <c>connection-string</c>.
    /// </summary>
    /// <value>Default none.</value>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL schema that holds the tables; created if missing. Several independent deployments can share
    /// a database with different schemas. Setting <c>schema</c>.
    /// </summary>
    /// <value>Default <c>agents</c>. A lower-case SQL identifier of at most 40 characters.</value>
    public string Schema { get; set; } = "agents";

    /// <summary>Whether starting the store applies missing schema migrations. Setting <c>apply-migrations</c>.</summary>
    /// <value>Default <c>true</c>. Turn off when the schema is migrated by a separate deployment step.</value>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>
    /// The most events the journal writer puts into one round-trip and transaction (group commit). A single call
    /// with more events is still written whole, in a batch of its own. Setting <c>max-write-batch-size</c>.
    /// </summary>
    /// <value>Default 1,000; between 1 and 100,000.</value>
    public int MaxWriteBatchSize { get; set; } = 1000;

    /// <summary>
    /// How long the writer waits for more writes after the first one of a batch arrives. Zero still batches: every
    /// write that arrives while the previous batch commits joins the next one, which keeps a single writer's
    /// latency at one commit; a window trades latency for larger batches under moderate load. Setting
    /// <c>write-batch-window</c>.
    /// </summary>
    /// <value>Default zero; at most one second.</value>
    public TimeSpan WriteBatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>How many rows a query reads per round-trip. Setting <c>query-page-size</c>.</summary>
    /// <value>Default 500; between 1 and 100,000.</value>
    public int QueryPageSize { get; set; } = 500;

    /// <summary>
    /// How often a live query reads again when no notification woke it: the fallback for lost notifications and
    /// for writes delayed behind older transactions. Also the longest delay between attempts while the database
    /// is unreachable. Setting <c>live-poll-interval</c>.
    /// </summary>
    /// <value>Default one second; between 10 milliseconds and 10 minutes.</value>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The shortest time between two change notifications (NOTIFY) that the journal writer sends to live queries in
    /// other processes; commits within it are announced together by the next one. A notification costs the database
    /// a statement of its own, so one per commit would take a noticeable share of a busy server from the writes
    /// themselves. Live queries in this process are woken at each commit regardless. Setting
    /// <c>min-notification-interval</c>.
    /// </summary>
    /// <value>Default 2 milliseconds; zero sends one per committed batch; at most one second.</value>
    public TimeSpan MinNotificationInterval { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// The LISTEN/NOTIFY channel on which writers tell live queries in other processes that events were
    /// committed. Every process that shares the journal must use the same channel. Setting
    /// <c>notification-channel</c>.
    /// </summary>
    /// <value>Default none, which means <c>&lt;schema&gt;_journal_changes</c>. A SQL identifier of at most 63 characters.</value>
    public string? NotificationChannel { get; set; }
}
