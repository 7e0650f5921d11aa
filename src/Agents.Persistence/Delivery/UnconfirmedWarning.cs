namespace Agents.Persistence.Delivery;

/// <summary>
/// Sent to an at-least-once delivery actor (as a command) when deliveries reached
/// <see cref="AtLeastOnceDeliveryReceiveActor.WarnAfterNumberOfUnconfirmedAttempts"/> attempts without confirmation,
/// so it can alert or give up on them (<c>ConfirmDelivery</c> stops the redelivery). Each delivery is reported once.
/// </summary>
/// <param name="UnconfirmedDeliveries">The deliveries that just reached the limit.</param>
public sealed record UnconfirmedWarning(IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);
