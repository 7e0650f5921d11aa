namespace Agents.Persistence.Actors;

/// <summary>
/// The last message of a successful recovery, handled by the recovery handlers. Commands that arrived during
/// recovery are processed after it, and <c>Persist</c> is allowed from here on.
/// </summary>
public sealed class RecoveryCompleted
{
    private RecoveryCompleted()
    {
    }

    /// <summary>The one instance.</summary>
    public static RecoveryCompleted Instance { get; } = new();
}
