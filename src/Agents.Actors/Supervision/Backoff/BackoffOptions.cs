namespace Agents.Actors;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> runs its child: which props, when a restart is due (the child
/// stopped, or the child failed), and the delay before it: <c>min(max, min * 2^n) * (1 + random * randomFactor)</c>
/// after the n-th consecutive restart. The count resets once a child has run for <see cref="ResetBackoff"/>.
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffTrigger trigger, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        if (minBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "The minimum backoff must be positive.");
        }
        if (maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, $"The maximum backoff must be at least the minimum ({minBackoff}).");
        }
        if (randomFactor is < 0 or > 1 || double.IsNaN(randomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "The random factor must be between 0 and 1 (0.2 adds up to 20% to each delay).");
        }
        Trigger = trigger;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetBackoff = minBackoff;
    }

    /// <summary>What makes the supervisor restart the child.</summary>
    public BackoffTrigger Trigger { get; }

    /// <summary>The child's props.</summary>
    public Props ChildProps { get; }

    /// <summary>The child's name (the same for every incarnation).</summary>
    public string ChildName { get; }

    /// <summary>The delay before the first restart.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The longest delay (before the random part).</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>The random part added to each delay, as a fraction of it (0 to 1), so that many supervisors do not restart in lockstep.</summary>
    public double RandomFactor { get; }

    /// <summary>How long a child must run before the restart count resets; <see langword="null"/> to reset only on <see cref="BackoffSupervisor.Reset"/>.</summary>
    /// <value>Default: <see cref="MinBackoff"/>.</value>
    public TimeSpan? ResetBackoff { get; private init; }

    /// <summary>The most consecutive restarts before the supervisor gives up and stops; -1 for unlimited.</summary>
    /// <value>Default -1.</value>
    public int MaxNrOfRetries { get; private init; } = -1;

    /// <summary>
    /// With <see cref="BackoffTrigger.OnStop"/>: how the child's failures are handled (by default it is
    /// restarted at once). With <see cref="BackoffTrigger.OnFailure"/>: which failures lead to a backoff
    /// restart (directive Restart); other directives apply as usual.
    /// </summary>
    public SupervisorStrategy? Strategy { get; private init; }

    /// <summary>Restart the child with backoff when it fails; when it stops by itself, the supervisor stops too.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffTrigger.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Restart the child with backoff whenever it stops (for example after it decided to give up on a failing resource).</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffTrigger.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Resets the restart count once a child has run for <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff)
    {
        if (resetBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(resetBackoff), resetBackoff, "The reset period must be positive.");
        }
        return this with { ResetBackoff = resetBackoff };
    }

    /// <summary>Resets the restart count only when the supervisor receives <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { ResetBackoff = null };

    /// <summary>Gives up (stops the supervisor) after <paramref name="maxNrOfRetries"/> consecutive restarts; -1 for unlimited.</summary>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries)
    {
        if (maxNrOfRetries < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "Use -1 for unlimited restarts, or a count of 0 or more.");
        }
        return this with { MaxNrOfRetries = maxNrOfRetries };
    }

    /// <summary>Sets <see cref="Strategy"/>.</summary>
    public BackoffOptions WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { Strategy = strategy };
    }

    /// <summary>The props of a <see cref="BackoffSupervisor"/> with these options.</summary>
    public Props Props() => BackoffSupervisor.Props(this);

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0 for the first).</summary>
    internal TimeSpan DelayFor(int restartCount, double random)
    {
        var factor = 1.0 + random * RandomFactor;
        if (restartCount >= 30)
        {
            return MaxBackoff * factor;
        }
        var exponential = MinBackoff.Ticks * Math.Pow(2, restartCount);
        return TimeSpan.FromTicks((long)(Math.Min(MaxBackoff.Ticks, exponential) * factor));
    }
}

/// <summary>What makes a <see cref="BackoffSupervisor"/> restart its child.</summary>
public enum BackoffTrigger
{
    /// <summary>The child failed (threw).</summary>
    OnFailure,

    /// <summary>The child stopped, for whatever reason.</summary>
    OnStop,
}
