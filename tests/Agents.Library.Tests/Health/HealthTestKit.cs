using Agents.Library.Health;
using Agents.Platform.Topics;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

/// <summary>The kit of health agent tests: the public <see cref="AgentTestKit"/>, with redelivery after an hour by default.</summary>
public abstract class HealthTestKit(ITestOutputHelper output, TopicServiceOptions? topicOptions = null)
    : AgentTestKit(output, [typeof(HeartbeatHealthAgent).Assembly], topicOptions ?? new TopicServiceOptions { RedeliveryInterval = TimeSpan.FromHours(1) });
