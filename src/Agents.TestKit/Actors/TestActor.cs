using Agents.Actors;

namespace Agents.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: it queues every message for the test to inspect.</summary>
internal sealed class TestActor(TestProbe probe) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Target);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Target);
                break;
            default:
                probe.Enqueue(message, Sender);
                break;
        }
        return true;
    }

    internal sealed record WatchCommand(IActorRef Target);

    internal sealed record UnwatchCommand(IActorRef Target);
}
