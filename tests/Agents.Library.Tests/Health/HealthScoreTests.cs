using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class HealthScoreTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static HealthSignals Signals(double silence = 5, double longestGap = 10, int failures = 0, int restarts = 0, bool failed = false) => new(
        Interval, Interval, TimeSpan.FromSeconds(silence), TimeSpan.FromSeconds(longestGap), failures, restarts, failed, TimeSpan.FromMinutes(2));

    [Fact]
    public void Regular_heartbeats_without_failures_score_100_with_no_reasons()
    {
        var assessment = HealthScore.Compute(Signals());

        Assert.Equal(100, assessment.Score);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void A_silence_within_the_tolerance_costs_nothing()
    {
        Assert.Equal(100, HealthScore.Compute(Signals(silence: 20)).Score);
    }

    [Fact]
    public void Silence_lowers_the_score_until_the_heartbeat_part_is_gone()
    {
        var scores = new[] { 30, 40, 50, 60, 600 }.Select(s => HealthScore.Compute(Signals(silence: s)).Score).ToList();

        Assert.Equal([85, 70, 55, 40, 40], scores);
    }

    [Fact]
    public void Silence_is_named_in_the_reasons()
    {
        var reason = Assert.Single(HealthScore.Compute(Signals(silence: 45)).Reasons);

        Assert.Equal("no heartbeat for 45s (expected every 10s)", reason);
    }

    [Fact]
    public void A_long_gap_within_the_window_counts_after_heartbeats_resumed()
    {
        Assert.Equal(40, HealthScore.Compute(Signals(silence: 5, longestGap: 90)).Score);
    }

    [Fact]
    public void Restarts_lower_the_score()
    {
        var scores = new[] { 0, 1, 3, 10 }.Select(r => HealthScore.Compute(Signals(restarts: r)).Score).ToList();

        Assert.Equal([100, 93.3, 80, 80], scores);
    }

    [Fact]
    public void Failures_lower_the_score()
    {
        Assert.Equal(86.7, HealthScore.Compute(Signals(failures: 2)).Score);
    }

    [Fact]
    public void Silence_failures_and_restarts_together_score_0()
    {
        Assert.Equal(0, HealthScore.Compute(Signals(silence: 120, failures: 3, restarts: 3)).Score);
    }

    [Fact]
    public void A_failed_agent_scores_0()
    {
        Assert.Equal(0, HealthScore.Compute(Signals(failed: true)).Score);
    }

    [Fact]
    public void A_slow_check_period_widens_the_tolerance()
    {
        var signals = Signals(silence: 35) with { CheckEvery = TimeSpan.FromSeconds(30) };

        Assert.Equal(100, HealthScore.Compute(signals).Score);
    }
}
