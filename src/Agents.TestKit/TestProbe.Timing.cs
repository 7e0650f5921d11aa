namespace Agents.TestKit;

public partial class TestProbe
{
    /// <summary>
    /// Runs <paramref name="action"/> and checks it took between <paramref name="min"/> and
    /// <paramref name="max"/>, measured on the system clock (virtual time when the kit uses it, so only
    /// <c>Advance</c> counts). On real time, expectations inside use the time left as their timeout.
    /// </summary>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        WithinAsync(min, max, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="action"/> and checks it took at most <paramref name="max"/>.</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="func"/> and checks it took at most <paramref name="max"/>; returns its result.</summary>
    public T Within<T>(TimeSpan max, Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        T result = default!;
        Within(TimeSpan.Zero, max, () => result = func());
        return result;
    }

    /// <summary>Asynchronous <see cref="Within(TimeSpan, TimeSpan, Action)"/>.</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clock = _context.Clock;
        var started = clock.GetTimestamp();
        var previous = Volatile.Read(ref _withinDeadline);
        if (_context.Time is null)
        {
            var deadline = TimeProvider.System.GetUtcNow().UtcTicks + max.Ticks;
            Volatile.Write(ref _withinDeadline, previous == 0 ? deadline : Math.Min(previous, deadline));
        }
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _withinDeadline, previous);
        }
        var elapsed = clock.GetElapsedTime(started);
        var kind = _context.Time is null ? "real" : "virtual";
        if (elapsed < min)
        {
            throw new TestKitAssertionException($"The block took {elapsed} ({kind} time); expected at least {min}.");
        }
        if (elapsed > max)
        {
            throw new TestKitAssertionException($"The block took {elapsed} ({kind} time); expected at most {max}.");
        }
    }

    /// <summary>
    /// Re-runs <paramref name="assertion"/> every <see cref="TestKitSettings.PollInterval"/> until it passes
    /// or <paramref name="duration"/> (real time) has passed, then rethrows its last failure.
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval).GetAwaiter().GetResult();
    }

    /// <summary>Asynchronous <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = duration ?? RemainingOrDefault;
        var pause = interval ?? _context.Settings.PollInterval;
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (TimeProvider.System.GetElapsedTime(started) < limit)
            {
                await Task.Delay(pause).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Re-checks <paramref name="condition"/> every <see cref="TestKitSettings.PollInterval"/> until it is
    /// true, failing after <paramref name="duration"/> (real time).
    /// </summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null) =>
        AwaitConditionAsync(condition, duration, interval, message).GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = duration ?? RemainingOrDefault;
        var pause = interval ?? _context.Settings.PollInterval;
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) >= limit)
            {
                throw new TestKitAssertionException($"The condition was not met within {limit} (real time){(message is null ? "" : $": {message}")}.");
            }
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }
}
