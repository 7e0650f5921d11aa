using Agents.Actors;

namespace Agents.Platform.Coordination;

// Supervision: a failed agent actor is stopped; the host counts its failures within the window and starts it again
// after a growing backoff, or gives it up.
public sealed partial class AgentHost
{
    // Timestamps (of the system's time provider) of the failures still inside the window, oldest first.
    private readonly Queue<long> _failures = new();
    private Exception? _failure;

    /// <summary>The decider of the host's strategy: remembers why the agent failed and stops it.</summary>
    private Directive OnAgentFailure(Exception cause)
    {
        _failure = cause;
        return Directive.Stop;
    }

    /// <summary>The agent actor stopped without being asked: it failed, or stopped by itself, which counts as a failure.</summary>
    private void OnAgentStopped()
    {
        var reason = _failure is { } failure ? $"{failure.GetType().Name}: {failure.Message}" : "the agent stopped by itself";
        _failure = null;
        var time = Context.System.TimeProvider;
        _failures.Enqueue(time.GetTimestamp());
        while (_failures.TryPeek(out var oldest) && time.GetElapsedTime(oldest) > _supervision.FailureWindow)
        {
            _failures.Dequeue();
        }
        var count = _failures.Count;
        if (count > _supervision.MaxFailures)
        {
            GiveUp(reason, count);
            return;
        }
        var backoff = BackoffAfter(count);
        AgentHostLog.Restarting(Log, _agentId, count, backoff, reason);
        _coordinator.Tell(new AgentFailed(_agentId, reason, count, backoff), Self);
        Timers.StartSingleTimer(RestartAfterBackoff.Instance, RestartAfterBackoff.Instance, backoff);
    }

    private void GiveUp(string reason, int failures)
    {
        _gaveUp = true;
        AgentHostLog.GaveUp(Log, _agentId, failures, _supervision.FailureWindow, reason);
        _coordinator.Tell(new AgentGaveUp(_agentId, reason, failures), Self);
        foreach (var message in Stash.ClearStash())
        {
            Context.System.DeadLetters.Tell(new DeadLetter(message, Context.System.DeadLetters, Self));
        }
    }

    private void ForgetFailures()
    {
        _failures.Clear();
        _failure = null;
    }

    /// <summary>
    /// The wait before restart number <paramref name="failures"/>: <c>min-backoff × 2^(failures − 1)</c>, at most
    /// <c>max-backoff</c>, plus up to <c>random-factor</c> of it at random.
    /// </summary>
    private TimeSpan BackoffAfter(int failures)
    {
        var doublings = Math.Min(failures - 1, 30);
        var ticks = Math.Min(_supervision.MinBackoff.Ticks * (double)(1L << doublings), _supervision.MaxBackoff.Ticks);
        var jitter = _supervision.RandomFactor > 0 ? 1 + (Random.Shared.NextDouble() * _supervision.RandomFactor) : 1;
        return TimeSpan.FromTicks((long)(ticks * jitter));
    }
}
