using Agents.Persistence.Snapshots;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Conformance;

public sealed class PostgreSqlSnapshotStoreTests(PostgresDatabaseFixture database) : SnapshotStoreSpec, IClassFixture<PostgresDatabaseFixture>
{
    private PostgreSqlPersistence? _persistence;

    protected override async Task<ISnapshotStore> CreateSnapshotStoreAsync()
    {
        _persistence = await PostgreSqlPersistence.StartAsync(database.DataSource, Serializer);
        return _persistence.SnapshotStore;
    }

    protected override async Task DisposeSnapshotStoreAsync(ISnapshotStore store) => await _persistence!.DisposeAsync();
}
