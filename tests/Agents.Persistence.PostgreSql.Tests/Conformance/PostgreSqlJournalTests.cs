using Agents.Persistence.Journal;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Conformance;

public sealed class PostgreSqlJournalTests(PostgresDatabaseFixture database) : JournalSpec, IClassFixture<PostgresDatabaseFixture>
{
    private PostgreSqlPersistence? _persistence;

    protected override async Task<IJournal> CreateJournalAsync()
    {
        _persistence = await PostgreSqlPersistence.StartAsync(database.DataSource, Serializer, writeAdapters: WriteAdapters);
        return _persistence.Journal;
    }

    protected override async Task DisposeJournalAsync(IJournal journal) => await _persistence!.DisposeAsync();
}
