namespace Agents.Actors;

internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    private IActorRef WatchCore(IActorRef subject, object? custom)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(_self))
        {
            return subject;
        }
        var extras = Extras;
        var watching = extras.Watching ??= [];
        if (watching.TryGetValue(subject, out var existing))
        {
            if (!Equals(existing, custom))
            {
                throw new InvalidOperationException(
                    $"{_self.Path} already watches {subject.Path} with {(existing is null ? "Terminated" : existing.GetType().Name)}; " +
                    "call Unwatch before watching it again with another message.");
            }
            return subject;
        }
        watching[subject] = custom;
        if (subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Watch(target, _self));
        }
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_extras is not { } extras)
        {
            return subject;
        }
        if (extras.Watching is { } watching && watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }
        extras.TerminatedQueued?.Remove(subject);
        return subject;
    }

    /// <summary>Someone started (or this actor asked to start) watching.</summary>
    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeSelf = watchee.Equals(_self);
        var watcherSelf = watcher.Equals(_self);
        if (watcheeSelf && !watcherSelf)
        {
            (Extras.WatchedBy ??= []).Add(watcher);
        }
        else if (!watcheeSelf && watcherSelf)
        {
            Watch(watchee);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeSelf = watchee.Equals(_self);
        var watcherSelf = watcher.Equals(_self);
        if (watcheeSelf && !watcherSelf)
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
        else if (!watcheeSelf && watcherSelf)
        {
            Unwatch(watchee);
        }
    }

    /// <summary>
    /// A watched actor or a child stopped. A watch turns into a queued note that becomes the
    /// <see cref="Terminated"/> unless unwatched first; a child is removed from the children.
    /// </summary>
    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed, bool addressTerminated)
    {
        if (_extras is { Watching: { } watching } extras && watching.Remove(actor, out var custom))
        {
            if (!Mailbox.IsBlockedBy(Mailbox.Terminating))
            {
                (extras.TerminatedQueued ??= []).Add(actor);
                Mailbox.PostInternal(new WatchTermination(actor, existenceConfirmed, addressTerminated, custom), actor);
            }
        }
        if (ExistingChildren is { } children && children.Contains(actor))
        {
            HandleChildTerminated(actor);
        }
    }

    private void ReceivedTerminated(WatchTermination termination)
    {
        if (_extras?.TerminatedQueued is not { } queued || !queued.Remove(termination.Subject))
        {
            return;
        }
        var message = termination.Custom ?? new Terminated(termination.Subject, termination.ExistenceConfirmed, termination.AddressTerminated);
        _currentMessage = message;
        var extras = Extras;
        extras.DeliveringWatchTermination = true;
        try
        {
            ReceiveMessage(message);
        }
        finally
        {
            extras.DeliveringWatchTermination = false;
        }
    }

    /// <summary>Whether the message being handled is a death-watch notice (which makes it a death pact when unhandled).</summary>
    internal bool IsDeliveringWatchTermination => _extras?.DeliveringWatchTermination ?? false;

    private void TellWatchersWeDied()
    {
        if (_extras?.WatchedBy is not { Count: > 0 } watchers)
        {
            return;
        }
        foreach (var watcher in watchers)
        {
            if (!watcher.Equals(_parent) && watcher is IInternalActorRef target)
            {
                target.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true, addressTerminated: false));
            }
        }
        watchers.Clear();
    }

    private void UnwatchWatchedActors()
    {
        if (_extras is not { } extras)
        {
            return;
        }
        if (extras.Watching is { Count: > 0 } watching)
        {
            foreach (var watchee in watching.Keys)
            {
                if (watchee is IInternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, _self));
                }
            }
            watching.Clear();
        }
        extras.TerminatedQueued?.Clear();
    }
}
