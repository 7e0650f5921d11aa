namespace Agents.Actors;

/// <summary>
/// Makes the receiving actor fail with <see cref="ActorKilledException"/> when processed; its
/// supervisor decides what follows (the default strategy stops it).
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The one instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "Kill";
}
