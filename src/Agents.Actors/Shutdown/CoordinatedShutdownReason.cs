namespace Agents.Actors;

/// <summary>Why a <see cref="CoordinatedShutdown"/> was started.</summary>
/// <param name="Name">A short description.</param>
public sealed record CoordinatedShutdownReason(string Name)
{
    /// <summary>No reason was given.</summary>
    public static CoordinatedShutdownReason Unknown { get; } = new("unknown");

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public static CoordinatedShutdownReason ActorSystemTerminate { get; } = new("actor system terminate");

    /// <summary>The process received SIGTERM or SIGINT, or is exiting.</summary>
    public static CoordinatedShutdownReason ProcessExit { get; } = new("process exit");

    /// <summary>The node is leaving its cluster.</summary>
    public static CoordinatedShutdownReason ClusterLeaving { get; } = new("cluster leaving");

    /// <summary>The node was removed from its cluster.</summary>
    public static CoordinatedShutdownReason ClusterDowning { get; } = new("cluster downing");

    /// <inheritdoc />
    public override string ToString() => Name;
}
