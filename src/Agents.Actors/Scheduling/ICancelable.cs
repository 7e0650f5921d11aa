namespace Agents.Actors;

/// <summary>A scheduled operation that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>Cancels the operation; a run already started completes. Idempotent.</summary>
    void Cancel();

    /// <summary>Whether <see cref="Cancel"/> was called.</summary>
    bool IsCancellationRequested { get; }
}
