using System.Collections.Concurrent;

namespace Agents.Persistence.Actors;

/// <summary>
/// The journal calls still in flight per persistence id, across incarnations. A restarted actor waits for the
/// writes of its previous incarnation to settle before it recovers; otherwise it could miss an event that lands
/// just after its replay and then collide with it on its own next write.
/// </summary>
internal sealed class WritesInFlight
{
    private readonly ConcurrentDictionary<string, Task> _last = new(StringComparer.Ordinal);

    /// <summary>Records a journal call of <paramref name="persistenceId"/>.</summary>
    /// <param name="persistenceId">The entity that wrote.</param>
    /// <param name="write">The journal call.</param>
    /// <param name="settledByCaller">The caller calls <see cref="Settled"/> once <paramref name="write"/> completed,
    /// so an entry of that call alone needs no continuation to remove it.</param>
    public void Track(string persistenceId, Task write, bool settledByCaller = false)
    {
        if (write.IsCompleted)
        {
            return;
        }

        var entry = _last.AddOrUpdate(
            persistenceId, write, (_, previous) => previous.IsCompleted ? write : Task.WhenAll(previous, write));
        if (settledByCaller && ReferenceEquals(entry, write))
        {
            return;
        }

        entry.ContinueWith(
            (_, state) => _last.TryRemove(new KeyValuePair<string, Task>((string)state!, entry)),
            persistenceId, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Forgets <paramref name="write"/>, which completed, unless a later call of the entity replaced its entry.</summary>
    public void Settled(string persistenceId, Task write) =>
        _last.TryRemove(new KeyValuePair<string, Task>(persistenceId, write));

    /// <summary>Completes (never faults) once every call recorded so far for <paramref name="persistenceId"/> has finished.</summary>
    public Task WhenSettled(string persistenceId) =>
        _last.TryGetValue(persistenceId, out var pending) && !pending.IsCompleted
            ? pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
            : Task.CompletedTask;
}
