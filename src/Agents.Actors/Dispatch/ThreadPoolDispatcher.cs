namespace Agents.Actors;

/// <summary>
/// The default dispatcher: mailboxes are <see cref="IThreadPoolWorkItem"/>s queued on the .NET thread
/// pool's global queue (no allocation per scheduling). <see cref="Mailbox.Schedule"/> recognises this
/// type and queues directly.
/// </summary>
internal sealed class ThreadPoolDispatcher(int throughput) : MessageDispatcher(throughput)
{
    public override void Dispatch(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
