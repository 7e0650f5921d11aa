using Agents.Persistence.Serialization;

namespace Agents.TestKit.Persistence;

/// <summary>The message the at-least-once delivery scenarios deliver and store in delivery snapshots.</summary>
/// <param name="DeliveryId">The delivery id the destination confirms.</param>
/// <param name="Payload">Identifies the message in assertions.</param>
[Manifest("agents.testkit.spec-parcel")]
public sealed record SpecParcel(long DeliveryId, string Payload);
