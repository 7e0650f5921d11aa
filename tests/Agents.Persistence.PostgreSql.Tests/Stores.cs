using Agents.Persistence.Serialization;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests;

/// <summary>Starts stores the way the tests need them, with the conformance suite's serializer and adapters.</summary>
internal static class Stores
{
    public static Task<PostgreSqlPersistence> StartAsync(
        PostgresDatabaseFixture database, PostgreSqlPersistenceOptions? options = null, TimeProvider? time = null,
        IEventSerializer? serializer = null) =>
        StartAsync(database.DataSource, options, time, serializer);

    public static Task<PostgreSqlPersistence> StartAsync(
        NpgsqlDataSource dataSource, PostgreSqlPersistenceOptions? options = null, TimeProvider? time = null,
        IEventSerializer? serializer = null) =>
        PostgreSqlPersistence.StartAsync(
            dataSource, serializer ?? PersistenceSpec.Serializer, options, PersistenceSpec.WriteAdapters, time);

    public static AtomicWrite Write(string persistenceId, long sequenceNr, string value, params string[] tags) =>
        new(new PersistentRepresentation(persistenceId, sequenceNr, new SpecEvent(value)) { WriterId = "w", Tags = tags });

    public static string UniqueId(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)];

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
