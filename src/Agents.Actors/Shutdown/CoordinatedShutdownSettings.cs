namespace Agents.Actors;

/// <summary>Settings of <see cref="Actors.CoordinatedShutdown"/>, part of <see cref="ActorSystemSettings"/>.</summary>
public sealed record CoordinatedShutdownSettings
{
    /// <summary>How long a phase may take when <see cref="PhaseTimeouts"/> does not name it.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan DefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timeouts of individual phases, by phase name (for example <c>"service-stop"</c>). When a phase
    /// times out its remaining tasks are cancelled, a warning is logged and the next phase starts.
    /// </summary>
    /// <value>Default: <c>actor-system-terminate</c> 10 seconds, others <see cref="DefaultPhaseTimeout"/>.</value>
    public IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>
    {
        [Actors.CoordinatedShutdown.PhaseActorSystemTerminate] = TimeSpan.FromSeconds(10),
    };

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs the shutdown phases first.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RunByActorSystemTerminate { get; init; } = true;

    /// <summary>
    /// Whether SIGTERM, SIGINT and process exit run the coordinated shutdown (opt-in). On SIGTERM and
    /// SIGINT the default termination of the process is cancelled and the shutdown runs; the process
    /// ends when the application returns after <see cref="ActorSystem.WhenTerminated"/>. On process exit
    /// the exiting thread waits for the shutdown up to the sum of the phase timeouts.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool RunOnProcessExit { get; init; }

    internal TimeSpan TimeoutOf(string phase) =>
        PhaseTimeouts.TryGetValue(phase, out var timeout) ? timeout : DefaultPhaseTimeout;

    internal void Validate()
    {
        if (DefaultPhaseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultPhaseTimeout), DefaultPhaseTimeout,
                $"CoordinatedShutdownSettings.DefaultPhaseTimeout is {DefaultPhaseTimeout}; it must be positive (default 5 s).");
        }
        foreach (var (phase, timeout) in PhaseTimeouts)
        {
            if (!Actors.CoordinatedShutdown.KnownPhases.Contains(phase))
            {
                throw new ArgumentException(
                    $"CoordinatedShutdownSettings.PhaseTimeouts names an unknown phase '{phase}'; known phases: {string.Join(", ", Actors.CoordinatedShutdown.KnownPhases)}.",
                    nameof(PhaseTimeouts));
            }
            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(PhaseTimeouts), timeout,
                    $"CoordinatedShutdownSettings.PhaseTimeouts['{phase}'] is {timeout}; it must be positive.");
            }
        }
    }
}
