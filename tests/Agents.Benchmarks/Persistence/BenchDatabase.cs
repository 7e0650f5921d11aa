using System.Security.Cryptography;
using Agents.EmbeddedPostgres;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.Serialization;
using Npgsql;

namespace Agents.Benchmarks.Persistence;

/// <summary>
/// A private PostgreSQL server for the suite (fsync and synchronous_commit on), with the journal schema twice:
/// <c>agents</c> for our store and <c>raw</c>, the same tables, for the raw Npgsql baselines.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private BenchDatabase(PostgresServer server, NpgsqlDataSource dataSource, IEventSerializer serializer)
    {
        _server = server;
        DataSource = dataSource;
        Serializer = serializer;
    }

    public NpgsqlDataSource DataSource { get; }

    public IEventSerializer Serializer { get; }

    public byte[] Payload { get; private init; } = [];

    public static async Task<BenchDatabase> StartAsync(CancellationToken cancellationToken)
    {
        var server = await new PostgresLauncher(new PostgresLauncherOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "agents-bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))),
            Temporary = true,
            Settings = new Dictionary<string, string>
            {
                ["fsync"] = "on",
                ["synchronous_commit"] = "on",
                ["shared_buffers"] = "256MB",
                ["max_wal_size"] = "4GB",
            },
        }).StartAsync(cancellationToken);
        var connectionString = await server.CreateDatabaseAsync("bench", cancellationToken);
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 50 }.ConnectionString);
        await PostgreSqlPersistence.CreateMigrator(dataSource, "agents").MigrateAsync(cancellationToken);
        await PostgreSqlPersistence.CreateMigrator(dataSource, "raw").MigrateAsync(cancellationToken);
        var serializer = new JsonEventSerializer(
            ManifestRegistry.Create(typeof(BenchEvent), typeof(BenchState)),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { TypeInfoResolver = BenchJsonContext.Default });
        var payload = serializer.Serialize(BenchEvent.Create(1)).Json.ToArray();
        return new BenchDatabase(server, dataSource, serializer) { Payload = payload };
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DisposeAsync();
    }
}
