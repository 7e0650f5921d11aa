using Agents.Persistence.InMemory;
using Agents.Persistence.Journal;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.InMemory;

public sealed class InMemoryJournalTests : JournalSpec
{
    protected override Task<IJournal> CreateJournalAsync() =>
        Task.FromResult<IJournal>(new InMemoryJournal(Serializer, WriteAdapters));
}
