using Agents.Persistence.Actors;
using Agents.Persistence.Journal;

namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>
/// One <c>WriteMessagesAsync</c> call on its way through the group-committing writer. It is the completion task's
/// <see cref="Task.AsyncState"/>, so a persistent actor can have its outcome posted to its mailbox from the writer
/// (<see cref="IWriteCompletionNotifier"/>) while awaiting callers still continue off the writer.
/// </summary>
internal sealed class WriteRequest : IWriteCompletionNotifier, IGroupCommitRequest
{
    // Marks a request whose completion already ran the callback (or found none).
    private static readonly Action<object?> s_completed = static _ => { };

    private readonly TaskCompletionSource<IReadOnlyList<Exception?>> _completion;
    private Action<object?>? _callback;
    private object? _callbackState;

    /// <param name="writes">The accepted writes: their index in the call, and their events.</param>
    /// <param name="results">The call's results, with rejections already filled in.</param>
    public WriteRequest(List<(int Index, StoredEvent[] Events)> writes, Exception?[] results)
    {
        _completion = new TaskCompletionSource<IReadOnlyList<Exception?>>(this, TaskCreationOptions.RunContinuationsAsynchronously);
        Writes = writes;
        Results = results;
        foreach (var (_, events) in writes)
        {
            EventCount += events.Length;
        }
    }

    /// <summary>The accepted writes; a list, not an interface, so that the writer's loops over it do not allocate.</summary>
    public List<(int Index, StoredEvent[] Events)> Writes { get; }

    public Exception?[] Results { get; }

    public int EventCount { get; }

    public Task<IReadOnlyList<Exception?>> Completion => _completion.Task;

    public void Succeed()
    {
        _completion.TrySetResult(Results);
        Notify();
    }

    public void Fail(Exception exception)
    {
        _completion.TrySetException(exception);
        Notify();
    }

    /// <inheritdoc />
    public void OnCompleted(Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _callbackState = state;
        var previous = Interlocked.CompareExchange(ref _callback, callback, null);
        if (ReferenceEquals(previous, s_completed))
        {
            callback(state);
        }
        else if (previous is not null)
        {
            throw new InvalidOperationException("A completion callback is already registered for this journal write.");
        }
    }

    private void Notify()
    {
        var callback = Interlocked.Exchange(ref _callback, s_completed);
        if (callback is not null && !ReferenceEquals(callback, s_completed))
        {
            callback(_callbackState);
        }
    }
}
