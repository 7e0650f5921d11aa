namespace Agents.Library.Optimization;

/// <summary>Proposes the parameters of the next trial from what the earlier trials showed.</summary>
public interface ITrialSampler
{
    /// <summary>The space it proposes points of.</summary>
    SearchSpace Space { get; }

    /// <summary>
    /// The snapped unit-cube point of trial <paramref name="trial"/>. Deterministic: the same seed, trial number and
    /// history give the same point.
    /// </summary>
    /// <param name="trial">The trial number, from 1.</param>
    /// <param name="observations">The scored trials (lower is better).</param>
    /// <param name="failed">The points of trials that failed or timed out, without a score.</param>
    /// <param name="pending">The points of trials still running.</param>
    double[] Propose(int trial, IReadOnlyList<Observation> observations, IReadOnlyList<double[]> failed, IReadOnlyList<double[]> pending);
}
