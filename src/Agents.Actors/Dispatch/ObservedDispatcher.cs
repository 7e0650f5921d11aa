namespace Agents.Actors;

/// <summary>
/// A thread-pool dispatcher that counts mailboxes scheduled or running, so a test can wait until the
/// actors of a system have nothing left to do. Used only when
/// <see cref="ActorSystem"/> is created with activity tracking (the TestKit does this).
/// </summary>
internal sealed class ObservedDispatcher(int throughput, ActivityTracker tracker) : MessageDispatcher(throughput)
{
    public override void Dispatch(Mailbox mailbox)
    {
        tracker.Enter();
        ThreadPool.UnsafeQueueUserWorkItem(new ObservedRun(mailbox, tracker), preferLocal: false);
    }

    private sealed class ObservedRun(Mailbox mailbox, ActivityTracker tracker) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                mailbox.Run();
            }
            finally
            {
                tracker.Exit();
            }
        }
    }
}
