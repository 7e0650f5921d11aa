namespace Agents.Library.Optimization;

/// <summary>A finished evaluation: the unit-cube point of the parameters and the score they got (lower is better).</summary>
/// <param name="Point">The snapped unit-cube point (<see cref="SearchSpace.Snap"/>).</param>
/// <param name="Score">The score; lower is better.</param>
public sealed record Observation(double[] Point, double Score);
