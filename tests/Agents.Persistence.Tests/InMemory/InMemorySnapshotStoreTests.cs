using Agents.Persistence.InMemory;
using Agents.Persistence.Snapshots;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.InMemory;

public sealed class InMemorySnapshotStoreTests : SnapshotStoreSpec
{
    protected override Task<ISnapshotStore> CreateSnapshotStoreAsync() =>
        Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(Serializer));
}
