using Agents.Persistence.PostgreSql.Schema;
using Agents.TestKit;

namespace Agents.Persistence.PostgreSql.Tests.Schema;

public sealed class SchemaMigratorTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static string NewSchema() => "s_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Migrating_applies_every_migration_once_and_records_it()
    {
        var schema = NewSchema();
        var migrator = PostgreSqlPersistence.CreateMigrator(database.DataSource, schema);

        Assert.Equal(JournalSchema.Migrations.Count, await migrator.MigrateAsync());
        Assert.Equal(0, await migrator.MigrateAsync());
        Assert.Equal(migrator.LatestVersion, await migrator.ReadVersionAsync());
        Assert.Equal(JournalSchema.Migrations.Count, await Stores.ScalarAsync<long>(
            database.DataSource, $"SELECT count(*) FROM {schema}.agents_schema_version WHERE component = 'journal'"));
    }

    [Fact]
    public async Task Nodes_starting_at_once_apply_each_migration_exactly_once()
    {
        var schema = NewSchema();
        var applied = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => PostgreSqlPersistence.CreateMigrator(database.DataSource, schema).MigrateAsync())));

        Assert.Equal(JournalSchema.Migrations.Count, applied.Sum());
        Assert.Equal(JournalSchema.Migrations.Count, await PostgreSqlPersistence.CreateMigrator(database.DataSource, schema).ReadVersionAsync());
    }

    [Fact]
    public async Task A_database_migrated_by_newer_code_is_refused()
    {
        var schema = NewSchema();
        var migrator = PostgreSqlPersistence.CreateMigrator(database.DataSource, schema);
        await migrator.MigrateAsync();
        await Stores.ExecuteAsync(database.DataSource,
            $"INSERT INTO {schema}.agents_schema_version (component, version, description) VALUES ('journal', 99, 'from the future')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_of_an_unmigrated_schema_is_zero() =>
        Assert.Equal(0, await PostgreSqlPersistence.CreateMigrator(database.DataSource, NewSchema()).ReadVersionAsync());

    [Fact]
    public void Migrations_must_be_numbered_without_gaps() =>
        Assert.Throws<ArgumentException>(() => new SchemaMigrator(
            database.DataSource, "x", "c", [new Migration(1, "a", "SELECT 1"), new Migration(3, "b", "SELECT 1")]));

    [Fact]
    public async Task Tables_live_in_the_configured_schema()
    {
        var schema = NewSchema();
        await using var store = await Stores.StartAsync(database, new() { Schema = schema });
        await store.Journal.WriteMessagesAsync([Stores.Write("in-schema", 1, "x")]);

        Assert.Equal(1, await Stores.ScalarAsync<long>(database.DataSource, $"SELECT count(*) FROM {schema}.journal"));
    }

    [Fact]
    public async Task Store_without_migrations_does_not_create_tables()
    {
        var schema = NewSchema();
        await using var store = await Stores.StartAsync(database, new() { Schema = schema, ApplyMigrations = false });

        Assert.False(await Stores.ScalarAsync<bool>(database.DataSource, "SELECT to_regclass($1) IS NOT NULL", $"{schema}.journal"));
    }
}
