using Agents.Persistence.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Topics;

public sealed class PostgreSqlTopicLogTests(PostgresDatabaseFixture database) : TopicLogSpec, IClassFixture<PostgresDatabaseFixture>
{
    private PostgreSqlPersistence? _persistence;

    protected override async Task<ITopicLog> CreateLogAsync()
    {
        _persistence = await PostgreSqlPersistence.StartAsync(database.DataSource, Serializer);
        return _persistence.TopicLog;
    }

    protected override async Task DisposeLogAsync(ITopicLog log) => await _persistence!.DisposeAsync();
}
