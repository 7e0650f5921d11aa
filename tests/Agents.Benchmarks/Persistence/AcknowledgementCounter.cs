using Agents.Actors;

namespace Agents.Benchmarks.Persistence;

/// <summary>Completes <paramref name="done"/> once it has received <paramref name="expected"/> <see cref="BenchEntity.Written"/>.</summary>
internal sealed class AcknowledgementCounter : ReceiveActor
{
    private long _received;

    public AcknowledgementCounter(long expected, TaskCompletionSource done) =>
        Receive<BenchEntity.Written>(_ =>
        {
            if (++_received == expected)
            {
                done.TrySetResult();
            }
        });
}
