using Agents.Persistence.Topics;

namespace Agents.Persistence.PostgreSql.Topics;

/// <summary>One <c>AppendAsync</c> call on its way through the group-committing <see cref="TopicWriter"/>.</summary>
internal sealed class AppendRequest(StoredTopicEvent[] events) : IGroupCommitRequest
{
    private readonly TaskCompletionSource<IReadOnlyList<TopicOffset>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StoredTopicEvent[] Events { get; } = events;

    public int EventCount => Events.Length;

    public Task<IReadOnlyList<TopicOffset>> Completion => _completion.Task;

    public void Succeed(TopicOffset[] offsets) => _completion.TrySetResult(offsets);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
