namespace Agents.Persistence.Actors;

/// <summary>
/// Implemented by the <see cref="Task.AsyncState"/> of a journal's write task when the journal completes that task
/// with <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/> (so awaiting callers never run on its
/// writer) but can also call back on the completing thread. A persistent actor uses it to post the outcome to its
/// mailbox straight away instead of through a thread-pool hop that would only do that post.
/// </summary>
/// <remarks>
/// Internal to the library's own journals: the callback runs on the journal's writer, so it must be cheap, must
/// not block and must never run user code. <see cref="Journal.IJournal"/> itself is unchanged.
/// </remarks>
internal interface IWriteCompletionNotifier
{
    /// <summary>
    /// Runs <paramref name="callback"/> with <paramref name="state"/> once, right after the write task completed
    /// (successfully or not), on the completing thread; on the calling thread at once when it already has.
    /// </summary>
    /// <exception cref="InvalidOperationException">A callback was already registered for this task.</exception>
    void OnCompleted(Action<object?> callback, object? state);
}
