using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class RobustZScoreTests
{
    private static readonly double[] s_short = [10.1, 9.8, 10.3, 9.9, 10.0, 10.2, 9.7];

    [Fact]
    public void An_outlier_on_a_short_history_is_beyond_the_threshold()
    {
        Assert.True(RobustZScore.Score(s_short, 14) > RobustZScore.DefaultThreshold);
    }

    [Fact]
    public void An_ordinary_value_on_a_short_history_is_within_the_threshold()
    {
        Assert.True(Math.Abs(RobustZScore.Score(s_short, 10.25)) < RobustZScore.DefaultThreshold);
    }

    [Fact]
    public void An_outlier_in_the_history_does_not_hide_the_next_one()
    {
        double[] history = [.. s_short, 50];

        Assert.True(RobustZScore.Score(history, 14) > RobustZScore.DefaultThreshold);
    }

    [Fact]
    public void A_value_below_the_median_scores_negative()
    {
        Assert.True(RobustZScore.Score(s_short, 6) < -RobustZScore.DefaultThreshold);
    }

    [Fact]
    public void A_constant_history_scores_any_other_value_at_the_cap()
    {
        Assert.Equal(RobustZScore.MaxScore, RobustZScore.Score([5, 5, 5, 5, 5], 5.1));
    }

    [Fact]
    public void A_history_mostly_of_one_value_still_scores_by_the_mean_deviation()
    {
        var z = RobustZScore.Score([5, 5, 5, 5, 5, 6, 4], 5.2);

        Assert.True(z > 0 && z < RobustZScore.DefaultThreshold);
    }
}
