using System.Text.Json;
using Agents.Persistence.Topics;

namespace Agents.TestKit;

/// <summary>
/// One published event as a test reads it (<see cref="AgentTestKit.PublishedAsync"/>): its topic, its payload as JSON
/// (a typed payload serialized with the web defaults, a JSON payload as it is), and the whole envelope.
/// </summary>
public sealed record PublishedEvent(string Topic, JsonElement Payload, TopicEnvelope Envelope);
