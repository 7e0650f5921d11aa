namespace Agents.Actors;

/// <summary>Runs mailboxes on threads. Internal: actors choose one by id through <see cref="Props.WithDispatcher"/>.</summary>
internal abstract class MessageDispatcher(int throughput)
{
    /// <summary>The most user messages one mailbox run processes before it yields its thread.</summary>
    public int Throughput { get; } = throughput;

    /// <summary>Runs <see cref="Mailbox.Run"/> soon; called once per idle-to-scheduled transition.</summary>
    public abstract void Dispatch(Mailbox mailbox);

    /// <summary>Called when an actor's mailbox closes; dedicated threads end here.</summary>
    public virtual void Detach(Mailbox mailbox)
    {
    }
}
