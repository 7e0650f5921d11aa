using Agents.Persistence.InMemory;
using Agents.Persistence.Journal;
using Agents.Persistence.Snapshots;
using Agents.TestKit.Persistence;
using Xunit.Abstractions;

namespace Agents.Persistence.Tests.Actors;

public sealed class InMemoryPersistentActorTests(ITestOutputHelper output) : PersistentActorSpec(output)
{
    protected override IJournal CreateJournal() => new InMemoryJournal(PersistenceSpec.Serializer, PersistenceSpec.WriteAdapters);

    protected override ISnapshotStore CreateSnapshotStore() => new InMemorySnapshotStore(PersistenceSpec.Serializer);
}
