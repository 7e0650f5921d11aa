using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class IsolationForestTests
{
    internal static double[] Noise(int count, int seed, double mean = 100, double deviation = 5)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Box–Muller: a normal value from two uniform ones.
            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = mean + (deviation * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        return values;
    }

    [Fact]
    public void An_outlier_scores_at_least_as_high_as_every_inlier()
    {
        var values = Noise(256, seed: 1);
        var forest = new IsolationForest(values, seed: 7);

        var outlier = forest.Score(160);

        Assert.All(values, v => Assert.True(forest.Score(v) <= outlier, $"inlier {v} scores {forest.Score(v)}, the outlier {outlier}"));
    }

    [Fact]
    public void An_outlier_scores_higher_than_almost_all_inliers()
    {
        var values = Noise(256, seed: 1);
        var forest = new IsolationForest(values, seed: 7);

        var outlier = forest.Score(160);

        Assert.True(values.Count(v => forest.Score(v) < outlier) >= 250);
    }

    [Fact]
    public void An_outlier_scores_above_the_default_threshold_and_the_center_below_it()
    {
        var forest = new IsolationForest(Noise(256, seed: 2), seed: 7);

        Assert.True(forest.Score(160) > IsolationForest.DefaultThreshold);
        Assert.True(forest.Score(100) < IsolationForest.DefaultThreshold);
    }

    [Fact]
    public void The_same_values_and_seed_give_the_same_scores()
    {
        var values = Noise(300, seed: 3);

        var first = new IsolationForest(values, seed: 11);
        var second = new IsolationForest(values, seed: 11);

        Assert.Equal(first.Score(112.5), second.Score(112.5));
    }

    [Fact]
    public void Each_tree_is_grown_on_at_most_the_subsample()
    {
        Assert.Equal(256, new IsolationForest(Noise(1000, seed: 4)).SampleSize);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(256, 10.2448)]
    public void The_average_path_length_follows_the_harmonic_number_formula(int n, double expected)
    {
        Assert.Equal(expected, IsolationForest.AveragePathLength(n), 3);
    }
}
