using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class RollingStatisticsTests
{
    [Fact]
    public void The_statistics_cover_only_the_last_window_of_values()
    {
        var rolling = new RollingStatistics(3);
        foreach (var value in new double[] { 100, 1, 2, 6 })
        {
            rolling.Add(value);
        }

        Assert.Equal(new MetricStatistics(Count: 3, Total: 4, Mean: 3, Variance: 7, Min: 1, Max: 6, Last: 6), rolling.Statistics());
    }

    [Fact]
    public void The_window_lists_its_values_oldest_first_after_wrapping()
    {
        var rolling = new RollingStatistics(3);
        foreach (var value in new double[] { 1, 2, 3, 4, 5 })
        {
            rolling.Add(value);
        }

        Assert.Equal([3, 4, 5], rolling.ToArray());
    }

    [Fact]
    public void An_empty_window_has_zero_statistics()
    {
        Assert.Equal(new MetricStatistics(0, 0, 0, 0, 0, 0, 0), new RollingStatistics(4).Statistics());
    }
}
