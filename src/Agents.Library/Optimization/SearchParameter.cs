using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agents.Library.Optimization;

/// <summary>
/// One dimension of a <see cref="SearchSpace"/> and its encoding in the unit cube, where the Gaussian process works:
/// <c>log_uniform</c> by its logarithm, <c>uniform</c> linearly, <c>int</c> by equal bins (so that a uniform unit
/// coordinate gives every whole number the same chance, and a value encodes to the middle of its bin), and
/// <c>choice</c> one-hot (the largest coordinate wins, which again gives every value the same chance).
/// </summary>
/// <param name="Name">The parameter's name, as the trials receive it.</param>
/// <param name="Kind">How its values are distributed.</param>
/// <param name="Low">The smallest value (not for <see cref="SearchParameterKind.Choice"/>).</param>
/// <param name="High">The largest value (not for <see cref="SearchParameterKind.Choice"/>).</param>
/// <param name="Values">The values of a <see cref="SearchParameterKind.Choice"/>; empty otherwise.</param>
public sealed record SearchParameter(string Name, SearchParameterKind Kind, double Low, double High, IReadOnlyList<JsonElement> Values)
{
    /// <summary>How many unit-cube coordinates the parameter takes: the number of values of a choice, 1 otherwise.</summary>
    public int Width => Kind == SearchParameterKind.Choice ? Values.Count : 1;

    /// <summary>The parameter's value at the unit-cube coordinates <paramref name="unit"/> (<see cref="Width"/> of them).</summary>
    public JsonNode? Decode(ReadOnlySpan<double> unit)
    {
        switch (Kind)
        {
            case SearchParameterKind.LogUniform:
                return JsonValue.Create(Math.Clamp(Math.Exp(Math.Log(Low) + Clamp01(unit[0]) * (Math.Log(High) - Math.Log(Low))), Low, High));
            case SearchParameterKind.Uniform:
                return JsonValue.Create(Math.Clamp(Low + Clamp01(unit[0]) * (High - Low), Low, High));
            case SearchParameterKind.Int:
                return JsonValue.Create(IntAt(unit[0]));
            default:
                var best = 0;
                for (var i = 1; i < Values.Count; i++)
                {
                    if (unit[i] > unit[best])
                    {
                        best = i;
                    }
                }

                return JsonNode.Parse(Values[best].GetRawText());
        }
    }

    /// <summary>
    /// Writes into <paramref name="snapped"/> the coordinates of the value at <paramref name="unit"/>: what
    /// <see cref="Encode"/> of <see cref="Decode"/> gives, computed without building the value.
    /// </summary>
    public void Snap(ReadOnlySpan<double> unit, Span<double> snapped)
    {
        switch (Kind)
        {
            case SearchParameterKind.LogUniform or SearchParameterKind.Uniform:
                snapped[0] = Clamp01(unit[0]);
                return;
            case SearchParameterKind.Int:
                snapped[0] = (IntAt(unit[0]) - Low + 0.5) / (High - Low + 1);
                return;
            default:
                var best = 0;
                for (var i = 1; i < Values.Count; i++)
                {
                    if (unit[i] > unit[best])
                    {
                        best = i;
                    }
                }

                for (var i = 0; i < Values.Count; i++)
                {
                    snapped[i] = i == best ? 1 : 0;
                }

                return;
        }
    }

    /// <summary>Writes the unit-cube coordinates of <paramref name="value"/> into <paramref name="unit"/>.</summary>
    /// <exception cref="SearchSpaceException">The value is not one this parameter can take.</exception>
    public void Encode(JsonElement value, Span<double> unit)
    {
        switch (Kind)
        {
            case SearchParameterKind.LogUniform:
                unit[0] = Clamp01((Math.Log(Number(value)) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)));
                return;
            case SearchParameterKind.Uniform:
                unit[0] = Clamp01((Number(value) - Low) / (High - Low));
                return;
            case SearchParameterKind.Int:
                var bins = High - Low + 1;
                unit[0] = Clamp01((Math.Round(Number(value)) - Low + 0.5) / bins);
                return;
            default:
                var index = -1;
                for (var i = 0; i < Values.Count; i++)
                {
                    unit[i] = 0;
                    if (index < 0 && JsonElement.DeepEquals(Values[i], value))
                    {
                        index = i;
                    }
                }

                if (index < 0)
                {
                    throw new SearchSpaceException(Name, "values", $"{value.GetRawText()} is not one of the values [{string.Join(", ", Values.Select(v => v.GetRawText()))}].");
                }

                unit[index] = 1;
                return;
        }
    }

    private long IntAt(double u)
    {
        var bins = High - Low + 1;
        return (long)Math.Clamp(Low + Math.Floor(Clamp01(u) * bins), Low, High);
    }

    private double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new SearchSpaceException(Name, string.Empty,
                $"{value.GetRawText()} is not a number between {Low.ToString(CultureInfo.InvariantCulture)} and {High.ToString(CultureInfo.InvariantCulture)}.");

    private static double Clamp01(double u) => double.IsNaN(u) ? 0.5 : Math.Clamp(u, 0, 1);
}
