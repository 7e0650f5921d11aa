namespace Agents.Actors;

/// <summary>Stopping an actor and waiting for it.</summary>
public static class GracefulStopExtensions
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (<see cref="PoisonPill"/> by default) and completes with
    /// <see langword="true"/> once the actor has stopped (PostStop done, children stopped), or with
    /// <see langword="false"/> when it did not stop within <paramref name="timeout"/> (on the system clock).
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget)
        {
            throw new ArgumentException($"GracefulStop needs a ref obtained from an actor system; {target.Path} is not one.", nameof(target));
        }
        var watcher = new StopWatcher(internalTarget.System, target);
        internalTarget.System.SchedulerImpl.Schedule(watcher, timeout, TimeSpan.Zero);
        internalTarget.SendSystemMessage(new Watch(internalTarget, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        return watcher.Task;
    }

    /// <summary>A temporary ref that watches one actor and completes when it dies or the timeout elapses.</summary>
    private sealed class StopWatcher(ActorSystem system, IActorRef target) : ScheduledWork, IInternalActorRef
    {
        private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ActorPath _path = new ChildActorPath(system.TempPath, $"$stop{system.NextUid()}", ActorPath.UndefinedUid);

        public Task<bool> Task => _completion.Task;

        public ActorPath Path => _path;

        public ActorSystem System => system;

        public bool IsTerminated => _completion.Task.IsCompleted;

        public void Tell(object message, IActorRef? sender) => system.DeadLetterOf(message, sender, this);

        public void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification notification && notification.Actor.Equals(target))
            {
                Cancel();
                _completion.TrySetResult(true);
            }
        }

        public override void Execute() => _completion.TrySetResult(false);

        public override void OnSchedulerStopped() => _completion.TrySetResult(target is IInternalActorRef { IsTerminated: true });

        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => global::System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }
}
