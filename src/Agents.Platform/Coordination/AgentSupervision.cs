namespace Agents.Platform.Coordination;

/// <summary>
/// How a failing agent is restarted (<c>agents.coordinator</c> in the configuration): after each failure it waits a
/// backoff that doubles from <see cref="MinBackoff"/> up to <see cref="MaxBackoff"/>, and after
/// <see cref="MaxFailures"/> failures within <see cref="FailureWindow"/> it stays stopped and is reported as failed.
/// </summary>
/// <param name="MinBackoff">The wait before the first restart.</param>
/// <param name="MaxBackoff">The longest wait between restarts.</param>
/// <param name="RandomFactor">The share of random extra wait (0 to 1), so that agents failing together do not restart together.</param>
/// <param name="MaxFailures">How many failures within <paramref name="FailureWindow"/> an agent may have before it is given up.</param>
/// <param name="FailureWindow">The window failures are counted in.</param>
public sealed record AgentSupervision(
    TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor, int MaxFailures, TimeSpan FailureWindow)
{
    /// <summary>1 s doubling up to 30 s, 20 % random, given up after 5 failures within 5 minutes.</summary>
    public static AgentSupervision Default { get; } = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, 5, TimeSpan.FromMinutes(5));
}
