using Agents.Persistence.Journal;
using Agents.Persistence.Query;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Conformance;

public sealed class PostgreSqlReadJournalTests(PostgresDatabaseFixture database) : ReadJournalSpec, IClassFixture<PostgresDatabaseFixture>
{
    private PostgreSqlPersistence? _persistence;

    protected override async Task<(IJournal Journal, IReadJournal ReadJournal)> CreateStoreAsync()
    {
        _persistence = await PostgreSqlPersistence.StartAsync(database.DataSource, Serializer, writeAdapters: WriteAdapters);
        return (_persistence.Journal, _persistence.ReadJournal);
    }

    protected override async Task DisposeStoreAsync(IJournal journal, IReadJournal readJournal) => await _persistence!.DisposeAsync();
}
