using System.Globalization;
using Agents.Platform.Agents;

namespace Agents.Library.Health;

/// <summary>The settings of a <c>performance-monitor</c> agent, read from its definition's <c>settings</c> object.</summary>
/// <param name="Window">Setting <c>window</c>: how many of a metric's last values the rolling statistics and the forest cover. <value>256</value></param>
/// <param name="MinHistory">Setting <c>min-history</c>: below this many values of history the robust z-score judges instead of the forest. <value>32</value></param>
/// <param name="RetrainEvery">Setting <c>retrain-every</c>: the forest is grown again on the window after this many new values. <value>32</value></param>
/// <param name="Threshold">Setting <c>threshold</c>: the forest's score above which a value is an anomaly. <value>0.65</value></param>
/// <param name="ZThreshold">Setting <c>z-threshold</c>: the |robust z| above which a value is an anomaly. <value>3.5</value></param>
/// <param name="Trees">Setting <c>trees</c>: the forest's number of trees. <value>100</value></param>
/// <param name="Subsample">Setting <c>subsample</c>: the values each tree is grown on. <value>256</value></param>
/// <param name="Seed">Setting <c>seed</c>: the seed of the forest's randomness, so that its verdicts can be reproduced. <value>42</value></param>
public sealed record PerformanceMonitorSettings(
    int Window = PerformanceMonitorSettings.DefaultWindow,
    int MinHistory = PerformanceMonitorSettings.DefaultMinHistory,
    int RetrainEvery = PerformanceMonitorSettings.DefaultRetrainEvery,
    double Threshold = IsolationForest.DefaultThreshold,
    double ZThreshold = RobustZScore.DefaultThreshold,
    int Trees = IsolationForest.DefaultTrees,
    int Subsample = IsolationForest.DefaultSubsample,
    int Seed = PerformanceMonitorSettings.DefaultSeed)
{
    /// <summary>The default window size.</summary>
    /// <value>256.</value>
    public const int DefaultWindow = 256;

    /// <summary>The default history below which the robust z-score judges.</summary>
    /// <value>32.</value>
    public const int DefaultMinHistory = 32;

    /// <summary>The default number of values between two trainings of the forest.</summary>
    /// <value>32.</value>
    public const int DefaultRetrainEvery = 32;

    /// <summary>The default seed.</summary>
    /// <value>42.</value>
    public const int DefaultSeed = 42;

    /// <summary>The settings of <paramref name="definition"/>, defaults for what it leaves out.</summary>
    /// <exception cref="AgentDefinitionException">A setting is invalid, or <c>min-history</c> is larger than <c>window</c>.</exception>
    public static PerformanceMonitorSettings From(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var reader = new SettingsReader(definition, "{ \"window\": 256, \"min-history\": 32, \"threshold\": 0.65 }");
        var settings = new PerformanceMonitorSettings(
            reader.Int("window", DefaultWindow, 2),
            reader.Int("min-history", DefaultMinHistory, 1),
            reader.Int("retrain-every", DefaultRetrainEvery, 1),
            reader.Number("threshold", IsolationForest.DefaultThreshold, 0, 1),
            reader.Number("z-threshold", RobustZScore.DefaultThreshold, 0, RobustZScore.MaxScore),
            reader.Int("trees", IsolationForest.DefaultTrees, 1),
            reader.Int("subsample", IsolationForest.DefaultSubsample, 2),
            reader.Int("seed", DefaultSeed, int.MinValue));
        if (settings.MinHistory > settings.Window)
        {
            throw new AgentDefinitionException(definition.Id, "settings.min-history",
                string.Create(CultureInfo.InvariantCulture,
                    $"{settings.MinHistory} is larger than the window ({settings.Window}), so the isolation forest would never judge: give a min-history of at most the window."));
        }

        return settings;
    }
}
