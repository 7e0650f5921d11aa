namespace Agents.Library.Optimization;

/// <summary>Random search: every trial is drawn independently from the space. The baseline the Bayesian method must beat.</summary>
/// <param name="space">The space.</param>
/// <param name="seed">The seed; with the trial number it fixes each point.</param>
public sealed class RandomSampler(SearchSpace space, int seed) : ITrialSampler
{
    /// <inheritdoc />
    public SearchSpace Space { get; } = space ?? throw new ArgumentNullException(nameof(space));

    /// <inheritdoc />
    public double[] Propose(int trial, IReadOnlyList<Observation> observations, IReadOnlyList<double[]> failed, IReadOnlyList<double[]> pending) =>
        Space.Sample(TrialRandom.For(seed, trial));
}
