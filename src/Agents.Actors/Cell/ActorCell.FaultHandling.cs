namespace Agents.Actors;

internal sealed partial class ActorCell
{
    /// <summary>Dispatches one system message. Called by the mailbox on the actor's turn.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case RunContinuation continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncTurn turn:
                    CompleteAsyncTurn(turn);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    BeginTermination();
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, null, null);
        }
    }

    /// <summary>
    /// The actor failed: stop taking user messages, suspend the children (except the one whose failure
    /// is being escalated) and report to the parent, which decides what happens next.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause, object? failedMessage, IActorRef? perpetrator)
    {
        var mailbox = Mailbox;
        if (mailbox.IsBlockedBy(Mailbox.Terminating))
        {
            LogMessages.FailureWhileStopping(System.RuntimeLog, _self.Path, cause);
            return;
        }
        if (mailbox.IsBlockedBy(Mailbox.FailedState))
        {
            LogMessages.FailureWhileFailed(System.RuntimeLog, _self.Path, cause);
            return;
        }
        mailbox.SuspendOnce();
        mailbox.Block(Mailbox.FailedState);
        var extras = Extras;
        extras.FailedMessage = failedMessage;
        extras.Perpetrator = perpetrator ?? _self;
        AbandonAsyncTurn(extras);
        SuspendChildren(except: perpetrator);
        _parent.SendSystemMessage(new Failed(_self, cause, _self.Path.Uid));
    }

    /// <summary>An unexpected exception of the runtime itself while running the mailbox.</summary>
    internal void HandleRuntimeFault(Exception e)
    {
        LogMessages.RuntimeFault(System.RuntimeLog, _self.Path, e);
        HandleInvokeFailure(e, null, null);
    }

    private void ClearFailed()
    {
        Mailbox.Unblock(Mailbox.FailedState);
        if (_extras is { } extras)
        {
            extras.FailedMessage = null;
            extras.Perpetrator = null;
        }
    }

    /// <summary>A child reported a failure: apply this actor's supervisor strategy.</summary>
    private void HandleFailed(Failed failed)
    {
        var child = failed.Child;
        if (ExistingChildren is not { } children || !children.Contains(child) || child.Path.Uid != failed.Uid)
        {
            LogMessages.FailedFromUnknownChild(System.RuntimeLog, _self.Path, child.Path, failed.Cause);
            return;
        }
        if (children.IsStopping(child))
        {
            return;
        }
        var strategy = SupervisorStrategyInternal;
        if (!strategy.HandleFailure(this, child, failed.Cause, children.StatsFor(child), children.Snapshot()))
        {
            HandleInvokeFailure(failed.Cause, null, child);
        }
    }

    internal void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        if (child is not IInternalActorRef target)
        {
            return;
        }
        if (suspendFirst)
        {
            target.SendSystemMessage(new Suspend());
        }
        target.SendSystemMessage(new Recreate(cause));
    }

    internal void ResumeChild(IActorRef child, Exception cause)
    {
        if (child is IInternalActorRef target)
        {
            target.SendSystemMessage(new Resume(cause));
        }
    }

    private void FaultSuspend()
    {
        Mailbox.SuspendOnce();
        SuspendChildren(except: null);
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && causedByFailure is not null)
        {
            // The instance never came to exist (its constructor threw): resuming means creating it.
            FaultCreate();
            return;
        }
        var perpetrator = _extras?.Perpetrator;
        Mailbox.ResumeOnce();
        if (causedByFailure is not null)
        {
            ClearFailed();
        }
        ResumeChildren(causedByFailure, perpetrator);
    }

    private void FaultCreate()
    {
        CancelReceiveTimeout();
        StopAllChildren();
        if (!ChildrenContainer.SetReason(SuspendReason.Creation))
        {
            FinishCreate();
        }
    }

    private void FinishCreate()
    {
        Mailbox.ResumeOnce();
        ClearFailed();
        Create();
    }

    private void FaultRecreate(Exception cause)
    {
        if (_actor is null)
        {
            FaultCreate();
            return;
        }
        if (ExistingChildren is { IsNormal: false })
        {
            // Stopping or already restarting: keep the suspension count balanced and ignore the restart.
            FaultResume(null);
            return;
        }
        var failedActor = _actor;
        var extras = Extras;
        var failedMessage = extras.FailedMessage;
        try
        {
            extras.Stash?.UnstashAll();
            failedActor.AroundPreRestart(cause, failedMessage);
        }
        catch (Exception e)
        {
            LogMessages.PreRestartFailed(System.RuntimeLog, _self.Path, e);
        }
        finally
        {
            ClearIncarnationState();
        }
        if (!ChildrenContainer.SetReason(SuspendReason.Recreation, cause))
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ExistingChildren?.Snapshot() ?? [];
        Mailbox.ResumeOnce();
        ClearFailed();
        _actor = null;
        try
        {
            var fresh = NewActor();
            fresh.AroundPostRestart(cause);
            AfterUserCode();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(
                new ActorInitializationException(_self, $"{_props.ActorType.Name} at {_self.Path} failed to restart: {e.Message}", e), null, null);
            return;
        }
        System.Metrics.ActorRestarted();
        foreach (var survivor in survivors)
        {
            survivor.SendSystemMessage(new Recreate(cause));
        }
    }

    /// <summary>Forgets what belonged to one instance: timers, receive timeout, behaviour, async turn.</summary>
    private void ClearIncarnationState()
    {
        if (_extras is not { } extras)
        {
            return;
        }
        extras.Timers?.CancelAll();
        CancelReceiveTimeout();
        extras.ReceiveTimeout = null;
        extras.Behaviors?.Clear();
        extras.Behavior = null;
        extras.Strategy = null;
        AbandonAsyncTurn(extras);
        extras.SyncContext = null;
    }

    /// <summary>Stops the actor: first its children, then <see cref="ActorBase.PostStop"/> in <see cref="FinishTerminate"/>.</summary>
    private void BeginTermination()
    {
        var mailbox = Mailbox;
        if (mailbox.IsBlockedBy(Mailbox.Terminating))
        {
            return;
        }
        mailbox.Block(Mailbox.Terminating);
        CancelReceiveTimeout();
        _extras?.Timers?.CancelAll();
        StopAllChildren();
        if (ExistingChildren is { } children && children.SetReason(SuspendReason.Termination))
        {
            return;
        }
        FinishTerminate();
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null && !Mailbox.IsBlockedBy(Mailbox.NotCreated))
            {
                actor.AroundPostStop();
            }
        }
        catch (Exception e)
        {
            LogMessages.PostStopFailed(System.RuntimeLog, _self.Path, e);
        }
        finally
        {
            Mailbox.MarkTerminated();
            ExistingChildren?.MarkTerminated();
            var extras = _extras;
            if (extras is not null)
            {
                extras.Stash?.DrainToDeadLetters();
                ClearIncarnationState();
            }
            _actor = null;
            _currentMessage = null;
            _currentSender = null;
            _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true, addressTerminated: false));
            TellWatchersWeDied();
            UnwatchWatchedActors();
            Mailbox.Dispatcher.Detach(Mailbox);
            System.Metrics.ActorStopped();
        }
    }

    /// <summary>A system message that reached the actor after it stopped.</summary>
    internal void HandleSystemMessageAfterStop(SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(_self) && !watch.Watcher.Equals(_self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: false, addressTerminated: false));
        }
    }
}
