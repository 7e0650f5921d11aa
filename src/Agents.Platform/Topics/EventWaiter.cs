using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// A pending <see cref="ITopicService.WaitForEventAsync"/>: completes with the first offered event for which its
/// condition holds, or with the condition's exception.
/// </summary>
internal sealed class EventWaiter(Func<TopicEnvelope, bool>? where) : LiveTarget
{
    // Continuations run elsewhere: the dispatcher offers under its lock and must not run the caller's code there.
    private readonly TaskCompletionSource<TopicEnvelope> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TopicEnvelope> Result => _result.Task;

    public override bool Offer(TopicEnvelope envelope)
    {
        if (_result.Task.IsCompleted)
        {
            return true;
        }

        bool holds;
        try
        {
            holds = where is null || where(envelope);
        }
        catch (Exception e)
        {
            _result.TrySetException(new InvalidOperationException(
                $"The condition of a wait for an event threw on the event at offset {envelope.Offset} (topic '{envelope.Topic}'): {e.Message}", e));
            return true;
        }

        if (!holds)
        {
            return false;
        }

        _result.TrySetResult(envelope);
        return true;
    }

    public bool TrySetException(Exception exception) => _result.TrySetException(exception);

    public bool TrySetCanceled(CancellationToken cancellationToken) => _result.TrySetCanceled(cancellationToken);
}
