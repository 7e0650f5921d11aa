namespace Agents.Actors;

/// <summary>Replies that report how an operation ended, used by <c>Ask</c> and <c>PipeTo</c>.</summary>
public static class Status
{
    /// <summary>An operation succeeded.</summary>
    /// <param name="Value">An optional result.</param>
    public sealed record Success(object? Value);

    /// <summary>An operation failed; <c>Ask</c> rethrows <paramref name="Cause"/> in the asker.</summary>
    /// <param name="Cause">The failure.</param>
    public sealed record Failure(Exception Cause);
}
