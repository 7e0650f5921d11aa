using Agents.Persistence.InMemory;
using Agents.Persistence.Journal;
using Agents.Persistence.Query;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.InMemory;

public sealed class InMemoryReadJournalTests : ReadJournalSpec
{
    protected override Task<(IJournal Journal, IReadJournal ReadJournal)> CreateStoreAsync()
    {
        var journal = new InMemoryJournal(Serializer, WriteAdapters);
        return Task.FromResult<(IJournal, IReadJournal)>((journal, journal));
    }
}
