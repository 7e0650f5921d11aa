using Agents.Platform.Agents;

namespace Agents.Library.Training;

/// <summary>
/// The settings of a <c>convergence-monitor</c> agent (<see cref="AgentDefinition.Settings"/>), kebab-case keys (the
/// camelCase spelling of each is accepted too).
/// </summary>
/// <param name="CheckEvery"><c>check-every</c>: validation loss is checked at every epoch divisible by this.</param>
/// <param name="Patience"><c>patience</c>: after this many checks in a row without improvement the run is stopped early.</param>
/// <param name="MinDelta"><c>min-delta</c>: an improvement is a validation loss lower than the best by more than this.</param>
/// <param name="PlateauWindow"><c>plateau-window</c>: how many of the latest checks a plateau spans.</param>
/// <param name="Tolerance"><c>tolerance</c>: the relative spread (max − min) / min below which those checks are a plateau.</param>
/// <param name="DivergenceFactor"><c>divergence-factor</c>: a training loss above this times the run's first one has exploded.</param>
/// <param name="CommandTimeout"><c>command-timeout</c>: how long to wait for a run to answer <c>stop</c> or <c>rollback_to_checkpoint</c>.</param>
public sealed record ConvergenceMonitorSettings(
    int CheckEvery, int Patience, double MinDelta, int PlateauWindow, double Tolerance, double DivergenceFactor, TimeSpan CommandTimeout)
{
    /// <summary>The settings when none are given.</summary>
    /// <value>check-every 10, patience 3, min-delta 0, plateau-window 3, tolerance 0.02, divergence-factor 10, command-timeout 10s.</value>
    public static ConvergenceMonitorSettings Default { get; } = new(10, 3, 0, 3, 0.02, 10, TimeSpan.FromSeconds(10));

    /// <summary>Reads the settings of <paramref name="definition"/>.</summary>
    /// <exception cref="AgentDefinitionException">A setting is invalid; the exception names it, its value and the fix.</exception>
    public static ConvergenceMonitorSettings Read(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var reader = TrainingSettingsReader.For(definition, "{ \"check-every\": 10, \"patience\": 3 }");
        var d = Default;
        return new ConvergenceMonitorSettings(
            reader.Int("check-every", d.CheckEvery, 1),
            reader.Int("patience", d.Patience, 1),
            reader.Double("min-delta", d.MinDelta, 0),
            reader.Int("plateau-window", d.PlateauWindow, 2),
            reader.Double("tolerance", d.Tolerance, 0, exclusive: true),
            reader.Double("divergence-factor", d.DivergenceFactor, 1, exclusive: true),
            reader.Duration("command-timeout", d.CommandTimeout));
    }
}
