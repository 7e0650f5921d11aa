namespace Agents.Actors;

/// <summary>Request-response on top of Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary ref as sender and completes with the first reply
    /// of type <typeparamref name="T"/>. A <see cref="Status.Failure"/> reply rethrows its exception; a
    /// reply of another type fails with <see cref="InvalidCastException"/>; no reply within the timeout
    /// (on the system clock) fails with <see cref="AskTimeoutException"/>.
    /// </summary>
    /// <param name="receiver">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; <see cref="ActorSystemSettings.AskTimeout"/> when null; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Cancels the wait (the message is still delivered).</param>
    public static Task<T> Ask<T>(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var promise = CreatePromise<T>(receiver, message.GetType(), timeout, cancellationToken, out var early);
        if (early is not null)
        {
            return early;
        }
        receiver.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Like <see cref="Ask{T}(IActorRef, object, TimeSpan?, CancellationToken)"/>, for replies of any type.</summary>
    public static Task<object> Ask(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        receiver.Ask<object>(message, timeout, cancellationToken);

    /// <summary>
    /// Asks with a message that carries its reply-to ref explicitly: <paramref name="messageFactory"/>
    /// receives the temporary ref and builds the request.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef receiver, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var promise = CreatePromise<T>(receiver, typeof(object), timeout, cancellationToken, out var early);
        if (early is not null)
        {
            return early;
        }
        receiver.Tell(messageFactory(promise), promise);
        return promise.Task;
    }

    /// <summary>Asks the actors of a selection; completes with the first reply.</summary>
    public static Task<T> Ask<T>(this ActorSelection selection, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(message);
        var promise = CreatePromise<T>(selection.Anchor, message.GetType(), timeout, cancellationToken, out var early);
        if (early is not null)
        {
            return early;
        }
        selection.Tell(message, promise);
        return promise.Task;
    }

    private static AskPromise<T> CreatePromise<T>(IActorRef receiver, Type messageType, TimeSpan? timeout, CancellationToken cancellationToken, out Task<T>? early)
    {
        var system = (receiver as IInternalActorRef)?.System ?? throw new ArgumentException(
            $"Ask needs a ref obtained from an actor system; {receiver.GetType().Name} ({receiver.Path}) is not one.", nameof(receiver));
        early = null;
        if (cancellationToken.IsCancellationRequested)
        {
            early = Task.FromCanceled<T>(cancellationToken);
            return null!;
        }
        var wait = timeout ?? system.Settings.AskTimeout;
        var promise = new AskPromise<T>(system, receiver, messageType, wait);
        if (wait != Timeout.InfiniteTimeSpan && !system.SchedulerImpl.Schedule(promise, wait, TimeSpan.Zero))
        {
            promise.OnSchedulerStopped();
            early = promise.Task;
            return promise;
        }
        if (cancellationToken.CanBeCanceled)
        {
            promise.RegisterCancellation(cancellationToken);
        }
        return promise;
    }
}
