using System.Text.Json;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Tests.Serialization;

public sealed class LayeredEventSerializerTests
{
    private static readonly LayeredEventSerializer Serializer = new(
        new JsonEventSerializer(ManifestRegistry.Create(typeof(TrainingStarted))),
        new JsonPayloadSerializer(new JsonEventSerializer(ManifestRegistry.Create(typeof(CanaryPromoted)))));

    [Fact]
    public void The_library_writes_and_reads_its_own_types()
    {
        var stored = Serializer.Serialize(new TrainingStarted("resnet"));

        Assert.Equal("training.started", stored.Manifest);
        Assert.Equal(new TrainingStarted("resnet"), Serializer.Deserialize(stored));
    }

    [Fact]
    public void Everything_else_goes_to_the_application()
    {
        var stored = Serializer.Serialize(new CanaryPromoted("v2"));

        Assert.Equal("deploy.canary-promoted", stored.Manifest);
        Assert.Equal(new CanaryPromoted("v2"), Serializer.Deserialize(stored));
    }

    [Fact]
    public void A_type_neither_knows_is_the_application_serializers_error()
    {
        Assert.Throws<EventSerializationException>(() => Serializer.Serialize(new EpochCompleted(1, 0.1, "adam")));
    }

    [Fact]
    public void Json_documents_pass_through_to_the_application_layer()
    {
        using var document = JsonDocument.Parse("""{"step": 3}""");
        var stored = Serializer.Serialize(new JsonPayload(document.RootElement.Clone()));

        var read = Assert.IsType<JsonPayload>(Serializer.Deserialize(stored));
        Assert.Equal(3, read.Document.GetProperty("step").GetInt32());
    }
}
