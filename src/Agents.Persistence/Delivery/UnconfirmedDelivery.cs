using Agents.Actors;

namespace Agents.Persistence.Delivery;

/// <summary>
/// A message sent with at-least-once delivery and not confirmed yet. It serializes (inside an
/// <see cref="AtLeastOnceDeliverySnapshot"/>) with <see cref="Serialization.JsonEventSerializer"/>: the destination as
/// its path string and the message under its own manifest, so the message must be a type with a
/// <see cref="Serialization.ManifestAttribute"/> registered with the serializer.
/// </summary>
/// <param name="DeliveryId">The id the destination echoes back so that the sender can confirm it.</param>
/// <param name="Destination">Where it goes; sent through an actor selection of this path after a restore.</param>
/// <param name="Message">The message, as the mapper built it with <paramref name="DeliveryId"/>.</param>
public sealed record UnconfirmedDelivery(long DeliveryId, ActorPath Destination, object Message);
