using System.Text;
using System.Text.Json.Nodes;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Tests.Serialization;

public sealed class JsonEventSerializerTests
{
    private static readonly ManifestRegistry Registry =
        ManifestRegistry.Create(typeof(EpochCompleted), typeof(TrainingStarted), typeof(CanaryPromoted));

    private static SerializedPayload Stored(string manifest, int version, string json) =>
        new(manifest, version, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Event_round_trips_with_its_manifest_and_version()
    {
        var serializer = new JsonEventSerializer(Registry);
        var payload = serializer.Serialize(new EpochCompleted(4, 0.01, "adam"));

        Assert.Equal("training.epoch-completed", payload.Manifest);
        Assert.Equal(3, payload.Version);
        Assert.Equal(new EpochCompleted(4, 0.01, "adam"), serializer.Deserialize(payload));
    }

    [Fact]
    public void Payload_is_camel_case_json_readable_in_sql()
    {
        var payload = new JsonEventSerializer(Registry).Serialize(new TrainingStarted("resnet"));
        Assert.Equal("""{"model":"resnet"}""", Encoding.UTF8.GetString(payload.Json.Span));
    }

    [Fact]
    public void Unregistered_type_is_refused_with_the_fix()
    {
        var error = Assert.Throws<EventSerializationException>(() =>
            new JsonEventSerializer(Registry).Serialize(new NoManifest("x")));
        Assert.Contains(nameof(NoManifest), error.Message, StringComparison.Ordinal);
        Assert.Contains("ManifestRegistry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_manifest_is_named_in_the_error()
    {
        var error = Assert.Throws<EventSerializationException>(() =>
            new JsonEventSerializer(Registry).Deserialize(Stored("training.vanished", 1, "{}")));
        Assert.Contains("'training.vanished'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_serialization_error() =>
        Assert.Throws<EventSerializationException>(() =>
            new JsonEventSerializer(Registry).Deserialize(Stored("training.started", 1, "{\"model\":")));

    [Fact]
    public void Json_null_is_a_serialization_error() =>
        Assert.Throws<EventSerializationException>(() =>
            new JsonEventSerializer(Registry).Deserialize(Stored("training.started", 1, "null")));

    [Fact]
    public void Version_newer_than_the_code_is_refused()
    {
        var error = Assert.Throws<EventSerializationException>(() =>
            new JsonEventSerializer(Registry).Deserialize(Stored("training.started", 2, """{"model":"m"}""")));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_version_without_an_upcaster_deserializes_as_it_is() =>
        Assert.Equal(
            new CanaryPromoted("r1"),
            new JsonEventSerializer(Registry).Deserialize(Stored("deploy.canary-promoted", 1, """{"release":"r1"}""")));

    [Fact]
    public void Older_versions_are_upcast_in_a_chain_before_deserializing()
    {
        var serializer = new JsonEventSerializer(Registry, upcasters:
        [
            EventUpcaster.ToNextVersion("training.epoch-completed", 1, json =>
            {
                json!["learningRate"] = json["lr"]!.GetValue<double>();
                json.AsObject().Remove("lr");
                return json;
            }),
            EventUpcaster.ToNextVersion("training.epoch-completed", 2, json =>
            {
                json!["optimizer"] = "sgd";
                return json;
            }),
        ]);

        var value = serializer.Deserialize(Stored("training.epoch-completed", 1, """{"epoch":2,"lr":0.5}"""));
        Assert.Equal(new EpochCompleted(2, 0.5, "sgd"), value);
    }

    [Fact]
    public void Upcaster_can_map_a_retired_manifest_to_a_new_one()
    {
        var serializer = new JsonEventSerializer(Registry, upcasters:
        [
            new EventUpcaster("training.begun", 1, json => new UpcastResult("training.started", 1, json)),
        ]);

        Assert.Equal(new TrainingStarted("m"), serializer.Deserialize(Stored("training.begun", 1, """{"model":"m"}""")));
    }

    [Fact]
    public void Upcasters_that_lead_back_to_each_other_are_detected()
    {
        var serializer = new JsonEventSerializer(Registry, upcasters:
        [
            new EventUpcaster("a", 1, json => new UpcastResult("b", 1, json)),
            new EventUpcaster("b", 1, json => new UpcastResult("a", 1, json)),
        ]);

        Assert.Throws<EventSerializationException>(() => serializer.Deserialize(Stored("a", 1, "{}")));
    }

    [Fact]
    public void Failing_upcaster_is_named_in_the_error()
    {
        var serializer = new JsonEventSerializer(Registry, upcasters:
        [
            new EventUpcaster("training.started", 0, _ => throw new InvalidOperationException("boom")),
        ]);

        var error = Assert.Throws<EventSerializationException>(() =>
            serializer.Deserialize(Stored("training.started", 0, "{}")));
        Assert.Contains("upcaster for manifest 'training.started' version 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_upcasters_for_one_version_are_refused() =>
        Assert.Throws<ArgumentException>(() => new JsonEventSerializer(Registry, upcasters:
        [
            EventUpcaster.ToNextVersion("training.started", 1, json => json),
            EventUpcaster.ToNextVersion("training.started", 1, json => json),
        ]));

    [Fact]
    public void Upcast_json_may_be_rebuilt_from_scratch()
    {
        var serializer = new JsonEventSerializer(Registry, upcasters:
        [
            new EventUpcaster("training.started", 0, _ => new UpcastResult("training.started", 1, new JsonObject { ["model"] = "rebuilt" })),
        ]);

        Assert.Equal(new TrainingStarted("rebuilt"), serializer.Deserialize(Stored("training.started", 0, "[1,2]")));
    }
}
