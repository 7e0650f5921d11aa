using System.Text.Json;
using Agents.Platform.Agents;

namespace Agents.Library.Training;

/// <summary>
/// The settings of a <c>training-run</c> agent (<see cref="AgentDefinition.Settings"/>), kebab-case keys (the
/// camelCase spelling of each is accepted too, see <see cref="TrainingSettingsReader"/>).
/// </summary>
/// <param name="Profile"><c>profile</c>: the curve to run; <see langword="null"/> when <paramref name="Parameters"/> are given or the run waits for <c>start</c>.</param>
/// <param name="Parameters"><c>parameters</c>: an optimizer trial's hyperparameters (a JSON object); <see langword="null"/> when none.</param>
/// <param name="OptimizationId"><c>optimization-id</c> (or <c>optimizationId</c>): the optimization the run is a trial of.</param>
/// <param name="Trial"><c>trial</c>: the trial number.</param>
/// <param name="Epochs"><c>epochs</c>: the maximum number of epochs.</param>
/// <param name="EpochInterval"><c>epoch-interval</c>: the time one epoch takes.</param>
/// <param name="Seed"><c>seed</c>: the seed of the curve's noise.</param>
/// <param name="CheckpointEvery"><c>checkpoint-every</c>: a checkpoint is saved after every so many epochs.</param>
public sealed record TrainingRunSettings(
    TrainingProfile? Profile, JsonElement? Parameters, string? OptimizationId, int? Trial, int Epochs, TimeSpan EpochInterval,
    int Seed, int CheckpointEvery)
{
    /// <summary>The maximum number of epochs when <c>epochs</c> is not set.</summary>
    /// <value>50</value>
    public const int DefaultEpochs = 50;

    /// <summary>After how many epochs a checkpoint is saved when <c>checkpoint-every</c> is not set.</summary>
    /// <value>5</value>
    public const int DefaultCheckpointEvery = 5;

    /// <summary>How long an epoch takes when <c>epoch-interval</c> is not set.</summary>
    /// <value>1 second.</value>
    public static TimeSpan DefaultEpochInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the run starts on its own (its settings name a profile or parameters).</summary>
    public bool StartsAtOnce => Profile is not null || Parameters is not null;

    /// <summary>Reads the settings of <paramref name="definition"/>.</summary>
    /// <exception cref="AgentDefinitionException">A setting is invalid; the exception names it, its value and the fix.</exception>
    public static TrainingRunSettings Read(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var reader = TrainingSettingsReader.For(definition, "{ \"profile\": \"converges\", \"epochs\": 50, \"epoch-interval\": \"1s\" }");
        TrainingProfile? profile = null;
        if (reader.String("profile") is { } profileText)
        {
            profile = ParseProfile(profileText) ?? throw reader.Error("profile",
                $"'{profileText}' is not a training profile: use converges, overfits or diverges (or give parameters instead).");
        }

        JsonElement? parameters = null;
        if (reader.TryGet("parameters", out var parametersElement))
        {
            if (!TrainingParameters.TryParse(parametersElement, out _, out var error))
            {
                throw reader.Error("parameters", error);
            }

            parameters = parametersElement.Clone();
        }

        if (profile is not null && parameters is not null)
        {
            throw reader.Error("profile", "a run follows either a profile or parameters, not both: remove one of them.");
        }

        int? trial = reader.TryGet("trial", out _) ? reader.Int("trial", 0, 0) : null;
        return new TrainingRunSettings(
            profile, parameters, reader.String("optimization-id"), trial,
            reader.Int("epochs", DefaultEpochs, 1),
            reader.Duration("epoch-interval", DefaultEpochInterval),
            reader.TryGet("seed", out _) ? reader.Int("seed", 0, int.MinValue) : LossCurve.SeedOf(definition.Id),
            reader.Int("checkpoint-every", DefaultCheckpointEvery, 1));
    }

    /// <summary>The profile named <paramref name="text"/> (any case), or <see langword="null"/>.</summary>
    public static TrainingProfile? ParseProfile(string text) => text.ToLowerInvariant() switch
    {
        "converges" => TrainingProfile.Converges,
        "overfits" => TrainingProfile.Overfits,
        "diverges" => TrainingProfile.Diverges,
        _ => null,
    };
}
