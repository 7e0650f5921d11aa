using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Actors;

/// <summary>A database of its own with the PostgreSQL stores started once for all tests of a class.</summary>
public sealed class PersistentActorDatabase : PostgresDatabaseFixture
{
    private PostgreSqlPersistence? _persistence;

    public PostgreSqlPersistence Persistence => _persistence ?? throw new InvalidOperationException("The stores start in InitializeAsync.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _persistence = await PostgreSqlPersistence.StartAsync(
            DataSource, PersistenceSpec.Serializer, writeAdapters: PersistenceSpec.WriteAdapters);
    }

    public override async Task DisposeAsync()
    {
        if (_persistence is not null)
        {
            await _persistence.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
