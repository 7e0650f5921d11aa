using Agents.Persistence.Serialization;

namespace Agents.Persistence.Delivery;

/// <summary>
/// The state of an at-least-once delivery actor's deliveries: the last delivery id handed out and the unconfirmed
/// deliveries. Save it as (or inside) the actor's snapshot and restore it with
/// <see cref="AtLeastOnceDeliveryReceiveActor.SetDeliverySnapshot"/> in the <c>SnapshotOffer</c> handler, so that the
/// deliveries are sent again after recovery. <see cref="JsonEventSerializer"/> stores it under its manifest without
/// registration; the delivered messages need manifests of their own (see <see cref="UnconfirmedDelivery"/>).
/// </summary>
/// <param name="CurrentDeliveryId">The last delivery id handed out; new deliveries continue after it.</param>
/// <param name="UnconfirmedDeliveries">The deliveries still waiting for confirmation.</param>
[Manifest("agents.persistence.at-least-once-delivery-snapshot")]
public sealed record AtLeastOnceDeliverySnapshot(long CurrentDeliveryId, IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);
