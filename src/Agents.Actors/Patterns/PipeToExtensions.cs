namespace Agents.Actors;

/// <summary>Turns the outcome of a task into a message, the safe way to use task results in an actor.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells its result (or <paramref name="success"/>'s mapping
    /// of it) to <paramref name="recipient"/>; a failure is told as <see cref="Status.Failure"/> (or
    /// <paramref name="failure"/>'s mapping). A null result is told as <see cref="Status.Success"/>.
    /// </summary>
    /// <returns>A task that completes once the message was sent.</returns>
    public static Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return PipeAsync(task, recipient, sender, success, failure);

        static async Task PipeAsync(Task<T> task, IActorRef recipient, IActorRef? sender, Func<T, object>? success, Func<Exception, object>? failure)
        {
            object message;
            try
            {
                var result = await task.ConfigureAwait(false);
                message = success is not null ? success(result) : (object?)result ?? new Status.Success(null);
            }
            catch (Exception e)
            {
                message = failure is not null ? failure(e) : new Status.Failure(e);
            }
            recipient.Tell(message, sender);
        }
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="success"/>'s message (or
    /// <see cref="Status.Success"/>) to <paramref name="recipient"/>; a failure as <see cref="Status.Failure"/>.
    /// </summary>
    public static Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return PipeAsync(task, recipient, sender, success, failure);

        static async Task PipeAsync(Task task, IActorRef recipient, IActorRef? sender, Func<object>? success, Func<Exception, object>? failure)
        {
            object message;
            try
            {
                await task.ConfigureAwait(false);
                message = success is not null ? success() : new Status.Success(null);
            }
            catch (Exception e)
            {
                message = failure is not null ? failure(e) : new Status.Failure(e);
            }
            recipient.Tell(message, sender);
        }
    }
}
