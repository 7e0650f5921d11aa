using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class HealthThresholdsTests
{
    [Theory]
    [InlineData(100, HealthLevel.Healthy)]
    [InlineData(90, HealthLevel.Healthy)]
    [InlineData(89.9, HealthLevel.Info)]
    [InlineData(69.9, HealthLevel.Warning)]
    [InlineData(39.9, HealthLevel.Critical)]
    [InlineData(14.9, HealthLevel.Emergency)]
    public void The_default_thresholds_give_the_level_of_a_score(double score, HealthLevel level)
    {
        Assert.Equal(level, HealthThresholds.Default.LevelOf(score));
    }

    [Fact]
    public void A_failed_agent_is_an_emergency_whatever_its_score()
    {
        Assert.Equal(HealthLevel.Emergency, HealthThresholds.Default.LevelOf(100, failed: true));
    }
}
