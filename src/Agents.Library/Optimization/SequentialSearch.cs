using System.Text.Json;

namespace Agents.Library.Optimization;

/// <summary>
/// Runs a sampler against a function one trial at a time, without actors: how the sampler is tested and benchmarked.
/// </summary>
internal static class SequentialSearch
{
    /// <summary>Runs <paramref name="budget"/> trials of <paramref name="sampler"/> on <paramref name="evaluate"/> and returns them in order.</summary>
    /// <param name="sampler">The sampler.</param>
    /// <param name="budget">How many trials.</param>
    /// <param name="evaluate">The score of a trial's parameters (lower is better), given the trial number.</param>
    public static IReadOnlyList<Observation> Run(ITrialSampler sampler, int budget, Func<JsonElement, int, double> evaluate)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(evaluate);
        var observations = new List<Observation>(budget);
        for (var trial = 1; trial <= budget; trial++)
        {
            var point = sampler.Propose(trial, observations, [], []);
            observations.Add(new Observation(point, evaluate(sampler.Space.Decode(point), trial)));
        }

        return observations;
    }
}
