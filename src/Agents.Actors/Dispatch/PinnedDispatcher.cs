namespace Agents.Actors;

/// <summary>
/// Gives one actor a thread of its own, for actors that block (synchronous I/O, native calls) and
/// would otherwise hold a thread-pool thread. One instance per actor; the thread ends when the
/// actor stops.
/// </summary>
internal sealed class PinnedDispatcher : MessageDispatcher
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly string _threadName;
    private Mailbox? _mailbox;
    private Thread? _thread;
    private volatile bool _detached;

    public PinnedDispatcher(int throughput, string threadName) : base(throughput) => _threadName = threadName;

    public override void Dispatch(Mailbox mailbox)
    {
        if (_thread is null)
        {
            lock (_signal)
            {
                if (_thread is null)
                {
                    _mailbox = mailbox;
                    var thread = new Thread(Loop) { IsBackground = true, Name = _threadName };
                    thread.Start();
                    _thread = thread;
                }
            }
        }
        _signal.Release();
    }

    public override void Detach(Mailbox mailbox)
    {
        _detached = true;
        _signal.Release();
    }

    private void Loop()
    {
        while (true)
        {
            // Blocking is the point of this dispatcher: the thread belongs to one actor.
            _signal.Wait();
            if (_detached && _mailbox!.IsClosed)
            {
                return;
            }
            _mailbox!.Run();
            if (_mailbox.IsClosed)
            {
                return;
            }
        }
    }
}
