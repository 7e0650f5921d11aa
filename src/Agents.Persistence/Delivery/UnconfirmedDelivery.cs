using Agents.Actors;

namespace Agents.Persistence.Delivery;

/// <summary>A message sent with at-least-once delivery and not confirmed yet.</summary>
/// <param name="DeliveryId">The id the destination echoes back so that the sender can confirm it.</param>
/// <param name="Destination">Where it goes.</param>
/// <param name="Message">The message, as the mapper built it with <paramref name="DeliveryId"/>.</param>
public sealed record UnconfirmedDelivery(long DeliveryId, IActorRef Destination, object Message);
