using Agents.Hocon;
using Agents.Library.Training;
using Agents.Platform.Coordination;

namespace Agents.Library.Tests.Training;

/// <summary>The training agents defined in HOCON the way the demo's configuration defines them.</summary>
public sealed class TrainingDefinitionTests
{
    private const string Demo = """
        agents.definitions {
          run-overfits { type = training-run, settings { profile = overfits, epochs = 60, epoch-interval = 1s, checkpoint-every = 5 } }
          trial { type = training-run, settings { parameters { learning_rate = 0.01, dropout = 0.3 }, optimizationId = opt-1, trial = 2 } }
          convergence-monitor {
            type = convergence-monitor
            subscribes = ["training.epoch_complete"]
            settings { check-every = 10, patience = 3, min-delta = 0.001, plateau-window = 3, tolerance = 0.02, divergence-factor = 10, command-timeout = 5s }
          }
        }
        """;

    private readonly AgentPlatformOptions _options = AgentPlatformOptions.FromConfig(Config.Parse(Demo), AgentLibrary.Register(new()));

    [Fact]
    public void A_training_runs_hocon_settings_are_read()
    {
        var settings = TrainingRunSettings.Read(_options.Definitions.Single(d => d.Id == "run-overfits"));

        Assert.Equal((TrainingProfile.Overfits, 60, TimeSpan.FromSeconds(1), 5), (settings.Profile!.Value, settings.Epochs, settings.EpochInterval, settings.CheckpointEvery));
    }

    [Fact]
    public void A_trials_parameters_optimization_and_trial_are_read()
    {
        var settings = TrainingRunSettings.Read(_options.Definitions.Single(d => d.Id == "trial"));

        Assert.Equal(("opt-1", 2), (settings.OptimizationId, settings.Trial!.Value));
        Assert.Equal(0.01, settings.Parameters!.Value.GetProperty("learning_rate").GetDouble());
    }

    [Fact]
    public void A_monitors_hocon_settings_are_read()
    {
        var settings = ConvergenceMonitorSettings.Read(_options.Definitions.Single(d => d.Id == "convergence-monitor"));

        Assert.Equal(new ConvergenceMonitorSettings(10, 3, 0.001, 3, 0.02, 10, TimeSpan.FromSeconds(5)), settings);
    }
}
