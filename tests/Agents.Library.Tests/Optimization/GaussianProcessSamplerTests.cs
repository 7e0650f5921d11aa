using System.Text.Json;
using Agents.Library.Optimization;

namespace Agents.Library.Tests.Optimization;

public sealed class GaussianProcessSamplerTests
{
    private static readonly SearchSpace s_space = SearchSpace.Parse(JsonDocument.Parse("""
        { "lr": { "kind": "log_uniform", "low": 0.00001, "high": 1 }, "dropout": { "kind": "uniform", "low": 0, "high": 0.8 } }
        """).RootElement.Clone());

    /// <summary>A cheap 2-D "validation loss": a bowl in log learning rate and dropout with its minimum 0.1 at lr = 3e-3, dropout = 0.3.</summary>
    private static double Loss(JsonElement parameters)
    {
        var lr = Math.Log10(parameters.GetProperty("lr").GetDouble()) + 2.5;
        var dropout = parameters.GetProperty("dropout").GetDouble() - 0.3;
        return 0.1 + lr * lr + 10 * dropout * dropout;
    }

    [Fact]
    public void The_first_trials_are_the_random_ones()
    {
        var sampler = new GaussianProcessSampler(s_space, seed: 4, initialRandom: 5);
        var random = new RandomSampler(s_space, seed: 4);

        for (var trial = 1; trial <= 5; trial++)
        {
            Assert.Equal(random.Propose(trial, [], [], []), sampler.Propose(trial, [], [], []));
        }
    }

    [Fact]
    public void Proposals_are_deterministic_for_a_seed_and_history()
    {
        var history = SequentialSearch.Run(new RandomSampler(s_space, 1), 8, (p, _) => Loss(p));

        var first = new GaussianProcessSampler(s_space, 9, 5).Propose(9, history, [], []);
        var second = new GaussianProcessSampler(s_space, 9, 5).Propose(9, history, [], []);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_pending_point_is_not_proposed_again()
    {
        var history = SequentialSearch.Run(new RandomSampler(s_space, 1), 8, (p, _) => Loss(p));
        var sampler = new GaussianProcessSampler(s_space, 9, 5);
        var pending = sampler.Propose(9, history, [], []);

        var next = sampler.Propose(10, history, [], [pending]);

        Assert.True(Distance(pending, next) > 0.02, $"distance {Distance(pending, next)}");
    }

    [Fact]
    public void The_optimizer_beats_random_search_in_the_median_on_a_cheap_2d_function()
    {
        const int budget = 20;
        var seeds = Enumerable.Range(1, 5).ToArray();

        var ours = Median(seeds.Select(seed => Best(new GaussianProcessSampler(s_space, seed, 5), budget)));
        var random = Median(seeds.Select(seed => Best(new RandomSampler(s_space, seed), budget)));

        Assert.True(ours < random, $"median best: GP {ours}, random {random}");
    }

    private static double Best(ITrialSampler sampler, int budget) => SequentialSearch.Run(sampler, budget, (p, _) => Loss(p)).Min(o => o.Score);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
