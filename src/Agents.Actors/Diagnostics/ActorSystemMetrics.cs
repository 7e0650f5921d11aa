using System.Diagnostics.Metrics;

namespace Agents.Actors;

/// <summary>
/// The instruments of one actor system, on a meter named <see cref="MeterName"/> tagged with the
/// system name (one meter per system, disposed with it). Hot paths check <c>Enabled</c> first, so
/// without a listener the instruments cost a field read.
/// </summary>
internal sealed class ActorSystemMetrics : IDisposable
{
    public const string MeterName = "Agents.Actors";

    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _unhandled;
    private readonly Counter<long> _restarts;
    private readonly UpDownCounter<long> _actors;
    private readonly Histogram<int> _mailboxDepth;

    public ActorSystemMetrics(string systemName)
    {
        _meter = new Meter(new MeterOptions(MeterName) { Tags = [new("actor.system", systemName)] });
        _processed = _meter.CreateCounter<long>("agents.actors.messages.processed", "{message}", "User messages processed by actors.");
        _deadLetters = _meter.CreateCounter<long>("agents.actors.dead_letters", "{message}", "Messages that could not be delivered.");
        _unhandled = _meter.CreateCounter<long>("agents.actors.unhandled", "{message}", "Messages actors received but did not handle.");
        _restarts = _meter.CreateCounter<long>("agents.actors.restarts", "{restart}", "Actor restarts ordered by supervisors.");
        _actors = _meter.CreateUpDownCounter<long>("agents.actors.live", "{actor}", "Actors started and not yet stopped.");
        _mailboxDepth = _meter.CreateHistogram<int>("agents.actors.mailbox.depth", "{message}", "Queued user messages seen when a mailbox run starts.");
    }

    public Meter Meter => _meter;

    public bool RecordsMailboxDepth => _mailboxDepth.Enabled;

    public void RecordMailboxDepth(int depth) => _mailboxDepth.Record(depth);

    public void MessagesProcessed(int count)
    {
        if (_processed.Enabled)
        {
            _processed.Add(count);
        }
    }

    public void DeadLetter() => _deadLetters.Add(1);

    public void Unhandled() => _unhandled.Add(1);

    public void ActorRestarted() => _restarts.Add(1);

    public void ActorStarted()
    {
        if (_actors.Enabled)
        {
            _actors.Add(1);
        }
    }

    public void ActorStopped()
    {
        if (_actors.Enabled)
        {
            _actors.Add(-1);
        }
    }

    public void Dispose() => _meter.Dispose();
}
