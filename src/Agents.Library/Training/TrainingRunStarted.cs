using System.Text.Json;
using Agents.Persistence.Serialization;

namespace Agents.Library.Training;

/// <summary>A training run started: what it trains, journaled once, so that a restart runs the same curve.</summary>
/// <param name="Profile">The profile it runs (<c>converges</c>, <c>overfits</c>, <c>diverges</c>), or <see langword="null"/> for parameters.</param>
/// <param name="Parameters">The trial's parameters, or <see langword="null"/> for a profile.</param>
/// <param name="OptimizationId">The optimization the run is a trial of, if any.</param>
/// <param name="Trial">The trial number within the optimization, if any.</param>
[Manifest("agents.training-run-started")]
public sealed record TrainingRunStarted(string? Profile, JsonElement? Parameters, string? OptimizationId, int? Trial);
