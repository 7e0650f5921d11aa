using System.Text.Json;
using Agents.Library.Optimization;

namespace Agents.Benchmarks.Optimization;

/// <summary>A standard optimization test function: its search space, its value and its known minimum.</summary>
/// <param name="Name">The result name prefix, e.g. <c>branin</c>.</param>
/// <param name="Space">The search space (uniform parameters <c>x1</c>, <c>x2</c>, ...).</param>
/// <param name="Budget">The evaluations each optimizer gets.</param>
/// <param name="Minimum">The known minimum of the noise-free function.</param>
/// <param name="Value">The noise-free value at the decoded coordinates.</param>
/// <param name="NoiseDeviation">The standard deviation of the Gaussian noise added to what the optimizer sees; 0 for none.</param>
internal sealed record TestFunction(
    string Name, SearchSpace Space, int Budget, double Minimum, Func<double[], double> Value, double NoiseDeviation = 0)
{
    /// <summary>The coordinates of decoded parameters, in the space's order.</summary>
    public double[] Coordinates(JsonElement parameters) => [.. Space.Parameters.Select(p => parameters.GetProperty(p.Name).GetDouble())];

    /// <summary>A space of uniform parameters x1..xn with the given bounds.</summary>
    public static SearchSpace Box(params (double Low, double High)[] bounds) =>
        new([.. bounds.Select((b, i) => new SearchParameter($"x{i + 1}", SearchParameterKind.Uniform, b.Low, b.High, []))]);
}
