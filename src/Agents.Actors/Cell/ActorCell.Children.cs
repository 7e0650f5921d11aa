namespace Agents.Actors;

internal sealed partial class ActorCell
{
    internal ChildrenContainer ChildrenContainer
    {
        get
        {
            var extras = Extras;
            var children = Volatile.Read(ref extras.Children);
            if (children is not null)
            {
                return children;
            }
            var created = new ChildrenContainer(this);
            return Interlocked.CompareExchange(ref extras.Children, created, null) ?? created;
        }
    }

    private ChildrenContainer? ExistingChildren => Volatile.Read(ref _extras) is { } extras ? Volatile.Read(ref extras.Children) : null;

    public IReadOnlyCollection<IActorRef> Children => ExistingChildren?.Snapshot() ?? [];

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ExistingChildren?.Get(name);
    }

    internal LocalActorRef? ChildByName(string name) => ExistingChildren?.Get(name);

    internal List<LocalActorRef> ChildrenMatching(string pattern) => ExistingChildren?.Matching(pattern) ?? [];

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var children = ChildrenContainer;
        if (name is null)
        {
            name = children.NextName();
        }
        else
        {
            ActorNames.Validate(name, _self.Path);
        }
        var path = new ChildActorPath(_self.Path, name, System.NextUid());
        var cell = new ActorCell(System, path, props, _self);
        children.Add(name, cell.SelfRef);
        cell.Start();
        return cell.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self))
        {
            _self.SendSystemMessage(new Terminate());
            return;
        }
        if (ExistingChildren is { } children && children.Contains(actor))
        {
            children.ShallDie(actor);
        }
        if (actor is IInternalActorRef target)
        {
            target.SendSystemMessage(new Terminate());
        }
    }

    private void StopAllChildren()
    {
        if (ExistingChildren is not { } children)
        {
            return;
        }
        foreach (var child in children.Snapshot())
        {
            children.ShallDie(child);
            child.SendSystemMessage(new Terminate());
        }
    }

    private void SuspendChildren(IActorRef? except)
    {
        if (ExistingChildren is not { } children)
        {
            return;
        }
        foreach (var child in children.Snapshot())
        {
            if (!child.Equals(except))
            {
                child.SendSystemMessage(new Suspend());
            }
        }
    }

    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        if (ExistingChildren is not { } children)
        {
            return;
        }
        foreach (var child in children.Snapshot())
        {
            child.SendSystemMessage(new Resume(child.Equals(perpetrator) ? causedByFailure : null));
        }
    }

    /// <summary>A child's death notice arrived: forget it and finish what waited for it.</summary>
    private void HandleChildTerminated(IActorRef child)
    {
        var (completed, cause) = ChildrenContainer.Remove(child);
        switch (completed)
        {
            case SuspendReason.Recreation:
                FinishRecreate(cause!);
                break;
            case SuspendReason.Creation:
                FinishCreate();
                break;
            case SuspendReason.Termination:
                FinishTerminate();
                break;
        }
    }
}
