using Agents.Library.Health;

namespace Agents.Library.Tests.Health;

public sealed class MetricAnomalyDetectorTests
{
    [Fact]
    public void Normal_noise_is_flagged_at_most_once_in_five_hundred_values()
    {
        var flagged = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var detector = new MetricAnomalyDetector(new PerformanceMonitorSettings());
            flagged += IsolationForestTests.Noise(600, seed).Count(v => detector.Observe(v)?.IsAnomaly == true);
        }

        Assert.True(flagged <= 20 * 600 / 500, $"{flagged} of {20 * 600} values of normal noise were flagged");
    }

    [Fact]
    public void A_six_sigma_spike_is_flagged_in_every_stream()
    {
        var missed = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var detector = new MetricAnomalyDetector(new PerformanceMonitorSettings());
            foreach (var value in IsolationForestTests.Noise(200, seed))
            {
                detector.Observe(value);
            }

            missed += detector.Observe(130)?.IsAnomaly == true ? 0 : 1;
        }

        Assert.Equal(0, missed);
    }

    [Fact]
    public void A_spike_in_a_long_stream_is_flagged_by_the_isolation_forest()
    {
        var detector = new MetricAnomalyDetector(new PerformanceMonitorSettings());
        foreach (var value in IsolationForestTests.Noise(200, seed: 6))
        {
            detector.Observe(value);
        }

        var verdict = detector.Observe(170);

        Assert.Equal((AnomalyVerdict.IsolationForestMethod, true, 200), (verdict!.Method, verdict.IsAnomaly, verdict.Window));
    }

    [Fact]
    public void A_spike_in_a_short_stream_is_flagged_by_the_robust_z_score()
    {
        var detector = new MetricAnomalyDetector(new PerformanceMonitorSettings());
        foreach (var value in IsolationForestTests.Noise(10, seed: 8))
        {
            detector.Observe(value);
        }

        var verdict = detector.Observe(170);

        Assert.Equal((AnomalyVerdict.RobustZMethod, true, 10), (verdict!.Method, verdict.IsAnomaly, verdict.Window));
    }

    [Fact]
    public void The_first_values_are_not_judged()
    {
        var detector = new MetricAnomalyDetector(new PerformanceMonitorSettings());

        var verdicts = new double[] { 1, 1000, 1, 1000, 1, 1000, 1, 1000 }.Select(detector.Observe).ToList();

        Assert.All(verdicts, Assert.Null);
    }
}
