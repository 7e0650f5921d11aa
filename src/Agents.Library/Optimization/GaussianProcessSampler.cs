namespace Agents.Library.Optimization;

/// <summary>
/// Bayesian optimization with a Gaussian process and expected improvement. The first trials are random; then each
/// proposal fits the process to the scored trials (hyperparameters by maximum marginal likelihood, see
/// <see cref="MarginalLikelihoodSearch"/>), adds fantasies for the trials without a score (a running trial at the
/// posterior mean, so that parallel proposals spread out; a failed one at the worst score seen, so that the search
/// moves away from it), and maximizes expected improvement over random candidates and perturbations of the best
/// trials, refined by a local search around the most promising ones.
/// </summary>
public sealed class GaussianProcessSampler : ITrialSampler
{
    private const int LocalStarts = 5;
    private const int LocalSteps = 30;

    private readonly int _seed;

    /// <summary>Creates the sampler.</summary>
    /// <param name="space">The space.</param>
    /// <param name="seed">The seed; with the trial number and the history it fixes each point.</param>
    /// <param name="initialRandom">How many trials are drawn at random before the model is used (at least 2 scored trials are needed in any case).</param>
    public GaussianProcessSampler(SearchSpace space, int seed, int initialRandom)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfNegative(initialRandom);
        Space = space;
        _seed = seed;
        InitialRandom = initialRandom;
    }

    /// <inheritdoc />
    public SearchSpace Space { get; }

    /// <summary>How many trials are drawn at random first.</summary>
    public int InitialRandom { get; }

    /// <summary>The default number of random trials for <paramref name="space"/>: 5 or twice the parameters, whichever is more.</summary>
    public static int DefaultInitialRandom(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Math.Max(5, 2 * space.Parameters.Count);
    }

    /// <inheritdoc />
    public double[] Propose(int trial, IReadOnlyList<Observation> observations, IReadOnlyList<double[]> failed, IReadOnlyList<double[]> pending)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(pending);
        var random = TrialRandom.For(_seed, trial);
        if (trial <= InitialRandom || observations.Count < 2)
        {
            return Space.Sample(random);
        }

        var points = observations.Select(o => o.Point).ToArray();
        var scores = observations.Select(o => o.Score).ToArray();
        if (new MarginalLikelihoodSearch(points, scores).Fit() is not { } fitted)
        {
            return Space.Sample(random);
        }

        var best = points.Min(p => fitted.Predict(p).Mean);
        var worst = scores.Max();
        var fantasyPoints = new List<double[]>(failed.Count + pending.Count);
        var fantasyScores = new List<double>(failed.Count + pending.Count);
        foreach (var point in failed)
        {
            fantasyPoints.Add(point);
            fantasyScores.Add(worst);
        }

        var model = fitted;
        foreach (var point in pending)
        {
            // Kriging believer, one pending point at a time: each fantasy shrinks the uncertainty the next one sees.
            fantasyPoints.Add(point);
            fantasyScores.Add(model.Predict(point).Mean);
            model = fitted.WithFantasies(points, scores, fantasyPoints, fantasyScores);
        }

        model = fitted.WithFantasies(points, scores, fantasyPoints, fantasyScores);
        return Maximize(model, best, observations, random);
    }

    private double[] Maximize(GaussianProcess model, double best, IReadOnlyList<Observation> observations, Random random)
    {
        var dimensions = Space.Dimensions;
        var candidates = new List<(double[] Point, double Value)>();
        var randomCount = Math.Min(2000, 500 + 100 * dimensions);
        for (var i = 0; i < randomCount; i++)
        {
            var point = Space.Sample(random);
            candidates.Add((point, Acquisition(model, point, best)));
        }

        foreach (var leader in observations.OrderBy(o => o.Score).Take(3))
        {
            foreach (var spread in (double[])[0.02, 0.08, 0.2])
            {
                for (var i = 0; i < 10 * dimensions; i++)
                {
                    var point = Perturb(leader.Point, spread, random);
                    candidates.Add((point, Acquisition(model, point, best)));
                }
            }
        }

        candidates.Sort((a, b) => b.Value.CompareTo(a.Value));
        var chosen = candidates[0];
        foreach (var start in candidates.Take(LocalStarts))
        {
            var current = start;
            var spread = 0.05;
            for (var step = 0; step < LocalSteps; step++)
            {
                var point = Perturb(current.Point, spread, random);
                var value = Acquisition(model, point, best);
                if (value > current.Value)
                {
                    current = (point, value);
                }
                else if (step % 10 == 9)
                {
                    spread /= 2;
                }
            }

            if (current.Value > chosen.Value)
            {
                chosen = current;
            }
        }

        return chosen.Point;
    }

    /// <summary>
    /// Expected improvement; where it underflows to 0 everywhere, the candidates are still ranked by a tiny multiple of
    /// the lower confidence bound so that the choice is not arbitrary.
    /// </summary>
    private static double Acquisition(GaussianProcess model, double[] point, double best)
    {
        var (mean, deviation) = model.Predict(point);
        var improvement = ExpectedImprovement.Of(mean, deviation, best);
        return improvement > 0 ? improvement : -1e-6 * Math.Max(mean - 2 * deviation - best, 0) - 1e-300;
    }

    private double[] Perturb(double[] origin, double spread, Random random)
    {
        var point = new double[origin.Length];
        for (var i = 0; i < point.Length; i++)
        {
            point[i] = Math.Clamp(origin[i] + spread * Gaussian(random), 0, 1);
        }

        return Space.Snap(point);
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
