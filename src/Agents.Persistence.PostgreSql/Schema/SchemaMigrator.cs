using Agents.Persistence.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Schema;

/// <summary>
/// Brings a component's tables up to date by applying its missing <see cref="Migration"/>s in order. All of it
/// runs in one transaction that first takes a transaction-level advisory lock on the schema, so several nodes
/// starting at once apply each migration exactly once and none sees a half-migrated schema. Applied versions are
/// recorded per component in <c>agents_schema_version</c>.
/// </summary>
public sealed partial class SchemaMigrator
{
    /// <summary>The table that records applied migrations, inside the schema.</summary>
    public const string VersionTable = "agents_schema_version";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _component;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for <paramref name="component"/>'s migrations in <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">The migrations are not numbered 1, 2, 3, ... in order.</exception>
    public SchemaMigrator(
        NpgsqlDataSource dataSource, string schema, string component, IReadOnlyList<Migration> migrations, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(migrations);
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException(
                    $"Migrations of '{component}' must be numbered 1, 2, 3, ... in order, but entry {i} has version " +
                    $"{migrations[i].Version} instead of {i + 1}.", nameof(migrations));
            }
        }

        _dataSource = dataSource;
        _schema = schema;
        _component = component;
        _migrations = migrations;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The version the code expects: the number of the last migration.</summary>
    public int LatestVersion => _migrations.Count;

    /// <summary>Applies the missing migrations and returns how many it applied.</summary>
    /// <exception cref="InvalidOperationException">The database is at a newer version than this code knows.</exception>
    /// <exception cref="JournalStorageException">PostgreSQL could not be reached or refused a migration.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('agents.schema-migration:' || $1))", cancellationToken, _schema).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"""
                CREATE SCHEMA IF NOT EXISTS "{_schema}";
                CREATE TABLE IF NOT EXISTS "{_schema}".{VersionTable} (
                    component text NOT NULL,
                    version integer NOT NULL,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, version));
                """, cancellationToken).ConfigureAwait(false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"Schema '{_schema}' holds '{_component}' at version {current}, but this code only knows " +
                    $"migrations up to {LatestVersion}: a newer release migrated it. Run the newer release.");
            }

            foreach (var migration in _migrations.Skip(current))
            {
                await ExecuteAsync(connection, transaction, migration.Sql.Replace("{schema}", $"\"{_schema}\"", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection, transaction,
                    $"INSERT INTO \"{_schema}\".{VersionTable} (component, version, description) VALUES ($1, $2, $3)",
                    cancellationToken, _component, migration.Version, migration.Description).ConfigureAwait(false);
                LogApplied(_logger, _component, migration.Version, migration.Description, _schema);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return LatestVersion - current;
        }
        catch (NpgsqlException e)
        {
            throw new JournalStorageException(
                $"Migrating schema '{_schema}' ({_component}) on {StorageFailure.Describe(_dataSource)} failed: " +
                $"{e.Message} Nothing was changed; fix the cause and start again.", e);
        }
    }

    /// <summary>The version the database is at, 0 if no migration of the component was applied.</summary>
    public async Task<int> ReadVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = $"\"{_schema}\".{VersionTable}" });
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }

        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(max(version), 0) FROM \"{_schema}\".{VersionTable} WHERE component = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = _component });
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Component} {Version} ({Description}) to schema {Schema}")]
    private static partial void LogApplied(ILogger logger, string component, int version, string description, string schema);
}
