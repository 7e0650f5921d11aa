using System.Text;
using Agents.Actors;
using Agents.Persistence.Delivery;
using Agents.Persistence.Serialization;

namespace Agents.Persistence.Tests.Serialization;

public sealed class DeliverySnapshotSerializationTests
{
    private static readonly ActorPath Destination = ActorPath.Parse("agents://node/user/billing");

    private static readonly JsonEventSerializer Serializer = new(ManifestRegistry.Create(typeof(TrainingStarted)));

    [Fact]
    public void A_delivery_snapshot_round_trips_without_being_registered()
    {
        var snapshot = new AtLeastOnceDeliverySnapshot(7, [new UnconfirmedDelivery(6, Destination, new TrainingStarted("resnet"))]);

        var restored = Assert.IsType<AtLeastOnceDeliverySnapshot>(Serializer.Deserialize(Serializer.Serialize(snapshot)));

        Assert.Equal(7, restored.CurrentDeliveryId);
        var delivery = Assert.Single(restored.UnconfirmedDeliveries);
        Assert.Equal((6L, "agents://node/user/billing", (object)new TrainingStarted("resnet")), (delivery.DeliveryId, delivery.Destination.ToString(), delivery.Message));
    }

    [Fact]
    public void The_destination_is_stored_as_its_path_and_the_message_under_its_manifest()
    {
        var snapshot = new AtLeastOnceDeliverySnapshot(1, [new UnconfirmedDelivery(1, Destination, new TrainingStarted("resnet"))]);

        var json = Encoding.UTF8.GetString(Serializer.Serialize(snapshot).Json.Span);

        Assert.Contains("\"destination\":\"agents://node/user/billing\"", json, StringComparison.Ordinal);
        Assert.Contains("\"manifest\":\"training.started\"", json, StringComparison.Ordinal);
        Assert.Contains("\"message\":{\"model\":\"resnet\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivered_message_without_a_manifest_is_refused_naming_the_delivery()
    {
        var snapshot = new AtLeastOnceDeliverySnapshot(3, [new UnconfirmedDelivery(3, Destination, new NoManifest("x"))]);

        var error = Assert.Throws<EventSerializationException>(() => Serializer.Serialize(snapshot));

        Assert.Contains("delivery 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Manifest", error.Message, StringComparison.Ordinal);
    }
}
