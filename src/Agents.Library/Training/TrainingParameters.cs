using System.Globalization;
using System.Text.Json;

namespace Agents.Library.Training;

/// <summary>
/// The hyperparameters of a simulated training run, as an optimizer trial gives them (<c>parameters</c>). Names the
/// simulation does not model are ignored; a modelled one that is missing takes its best value, so only the given
/// ones move the result.
/// </summary>
/// <param name="LearningRate"><c>learning_rate</c>, positive; best near 3e-3, and above 0.05 the run diverges.</param>
/// <param name="Dropout"><c>dropout</c>, from 0 to below 1; best near 0.2, and below 0.1 the run overfits.</param>
/// <param name="BatchSize"><c>batch_size</c>, at least 1; best near 64.</param>
/// <param name="Layers"><c>layers</c>, at least 1; best near 4.</param>
/// <param name="WeightDecay"><c>weight_decay</c>, positive; best near 1e-4.</param>
public sealed record TrainingParameters(
    double LearningRate = TrainingParameters.BestLearningRate,
    double Dropout = TrainingParameters.BestDropout,
    double BatchSize = TrainingParameters.BestBatchSize,
    double Layers = TrainingParameters.BestLayers,
    double WeightDecay = TrainingParameters.BestWeightDecay)
{
    /// <summary>The learning rate with the lowest loss.</summary>
    /// <value>3e-3</value>
    public const double BestLearningRate = 3e-3;

    /// <summary>The dropout with the lowest loss.</summary>
    /// <value>0.2</value>
    public const double BestDropout = 0.2;

    /// <summary>The batch size with the lowest loss.</summary>
    /// <value>64</value>
    public const double BestBatchSize = 64;

    /// <summary>The number of layers with the lowest loss.</summary>
    /// <value>4</value>
    public const double BestLayers = 4;

    /// <summary>The weight decay with the lowest loss.</summary>
    /// <value>1e-4</value>
    public const double BestWeightDecay = 1e-4;

    /// <summary>The learning rate above which a run diverges.</summary>
    /// <value>0.05</value>
    public const double DivergentLearningRate = 0.05;

    /// <summary>The dropout below which a run overfits.</summary>
    /// <value>0.1</value>
    public const double OverfittingDropout = 0.1;

    /// <summary>
    /// How much worse than the best the final validation loss is for these parameters: 0 at the optimum, growing
    /// smoothly (quadratically in the logarithm of the scale parameters) away from it.
    /// </summary>
    public double Penalty =>
        0.08 * Square(Math.Log10(LearningRate / BestLearningRate))
        + 1.0 * Square(Dropout - BestDropout)
        + 0.01 * Square(Math.Log2(BatchSize / BestBatchSize))
        + 0.015 * Square(Layers - BestLayers)
        + 0.02 * Square(Math.Log10(WeightDecay / BestWeightDecay));

    /// <summary>Reads <paramref name="parameters"/>, a JSON object of name → number.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="result">The parameters read.</param>
    /// <param name="error">What is wrong: names the parameter, its value and the valid range.</param>
    /// <returns>False when a modelled parameter is not a number in its range.</returns>
    public static bool TryParse(JsonElement parameters, out TrainingParameters result, out string error)
    {
        result = new TrainingParameters();
        error = string.Empty;
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            error = $"parameters must be an object of name → value such as {{ \"learning_rate\": 0.003, \"dropout\": 0.2 }}, not {parameters.GetRawText()}.";
            return false;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, minimum, exclusive, maximum) in Ranges)
        {
            if (!parameters.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!TryNumber(element, out var value) || (exclusive ? value <= minimum : value < minimum) || value >= maximum)
            {
                var range = $"{(exclusive ? "above" : "at least")} {minimum.ToString(CultureInfo.InvariantCulture)}"
                    + (double.IsPositiveInfinity(maximum) ? string.Empty : $" and below {maximum.ToString(CultureInfo.InvariantCulture)}");
                error = $"parameter {name} is {element.GetRawText()}: give a number {range}.";
                return false;
            }

            values[name] = value;
        }

        result = new TrainingParameters(
            values.GetValueOrDefault("learning_rate", BestLearningRate),
            values.GetValueOrDefault("dropout", BestDropout),
            values.GetValueOrDefault("batch_size", BestBatchSize),
            values.GetValueOrDefault("layers", BestLayers),
            values.GetValueOrDefault("weight_decay", BestWeightDecay));
        return true;
    }

    private static readonly (string Name, double Minimum, bool Exclusive, double Maximum)[] Ranges =
    [
        ("learning_rate", 0, true, double.PositiveInfinity),
        ("dropout", 0, false, 1),
        ("batch_size", 1, false, double.PositiveInfinity),
        ("layers", 1, false, double.PositiveInfinity),
        ("weight_decay", 0, true, double.PositiveInfinity),
    ];

    private static bool TryNumber(JsonElement element, out double value)
    {
        value = 0;
        var ok = element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return ok && double.IsFinite(value);
    }

    private static double Square(double x) => x * x;
}
