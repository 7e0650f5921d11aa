using System.Text;
using Agents.Persistence.Serialization;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

/// <summary>Serializes like the suite's serializer, except that one value turns into JSON PostgreSQL refuses.</summary>
internal sealed class BrokenJsonSerializer : IEventSerializer
{
    public const string Poison = "emit-broken-json";

    public SerializedPayload Serialize(object value) =>
        value is SpecEvent { Value: Poison }
            ? new SerializedPayload("agents.testkit.spec-event", 1, Encoding.UTF8.GetBytes("{\"value\": "))
            : PersistenceSpec.Serializer.Serialize(value);

    public object Deserialize(SerializedPayload payload) => PersistenceSpec.Serializer.Deserialize(payload);
}
