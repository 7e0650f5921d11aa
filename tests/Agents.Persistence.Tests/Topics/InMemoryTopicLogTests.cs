using Agents.Persistence.InMemory;
using Agents.Persistence.Topics;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.Topics;

public sealed class InMemoryTopicLogTests : TopicLogSpec
{
    protected override Task<ITopicLog> CreateLogAsync() => Task.FromResult<ITopicLog>(new InMemoryTopicLog(Serializer));
}
