namespace Agents.Actors;

/// <summary>
/// Stops the receiving actor when it is processed: messages sent before it are processed first,
/// messages after it become dead letters.
/// </summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The one instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}
