using Agents.Persistence.Journal;

namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>One <c>WriteMessagesAsync</c> call on its way through the group-committing writer.</summary>
internal sealed class WriteRequest
{
    private readonly TaskCompletionSource<IReadOnlyList<Exception?>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="writes">The accepted writes: their index in the call, and their events.</param>
    /// <param name="results">The call's results, with rejections already filled in.</param>
    public WriteRequest(IReadOnlyList<(int Index, StoredEvent[] Events)> writes, Exception?[] results)
    {
        Writes = writes;
        Results = results;
        EventCount = writes.Sum(w => w.Events.Length);
    }

    public IReadOnlyList<(int Index, StoredEvent[] Events)> Writes { get; }

    public Exception?[] Results { get; }

    public int EventCount { get; }

    public Task<IReadOnlyList<Exception?>> Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult(Results);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
