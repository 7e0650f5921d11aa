using Agents.Persistence.Journal;
using Agents.Persistence.Snapshots;
using Agents.TestKit.Persistence;
using Xunit.Abstractions;

namespace Agents.Persistence.PostgreSql.Tests.Actors;

public sealed class PostgreSqlPersistentActorTests(PersistentActorDatabase database, ITestOutputHelper output)
    : PersistentActorSpec(output), IClassFixture<PersistentActorDatabase>
{
    protected override IJournal CreateJournal() => database.Persistence.Journal;

    protected override ISnapshotStore CreateSnapshotStore() => database.Persistence.SnapshotStore;
}
