using System.Text;
using System.Text.Json;
using static Agents.Node.Story.StoryFields;

namespace Agents.Node.Story;

internal static partial class StoryLines
{
    private static string TrialComplete(JsonElement payload)
    {
        var line = new StringBuilder(Optimization(payload)).Append(": trial ").Append(Text(payload, "trial") ?? "?");
        if (Text(payload, "of") is { } of)
        {
            line.Append(" of ").Append(of);
        }

        var score = Number(payload, "score");
        line.Append(Text(payload, "status") switch
        {
            "failed" => " failed",
            "timed_out" => " timed out",
            "completed" or null => score is { } value ? $" done, score {Format(value)}" : " done",
            { } other => " " + Words(other),
        });

        if (Number(payload, "bestScore") is { } best)
        {
            var bestTrial = Text(payload, "bestTrial");
            line.Append(bestTrial is not null && bestTrial == Text(payload, "trial")
                ? " (best so far)"
                : bestTrial is null ? $" (best so far {Format(best)})" : $" (best so far {Format(best)}, trial {bestTrial})");
        }

        return line.ToString();
    }

    private static string OptimizationComplete(JsonElement payload)
    {
        var line = new StringBuilder(Optimization(payload)).Append(" complete");
        if (Number(payload, "bestScore") is { } best)
        {
            line.Append(": best score ").Append(Format(best));
        }

        var trial = Text(payload, "bestTrial");
        var trials = Text(payload, "trials");
        if (trial is not null || trials is not null)
        {
            line.Append(" (").Append((trial, trials) switch
            {
                ({ } t, { } n) => $"trial {t} of {n}",
                ({ } t, null) => $"trial {t}",
                _ => $"{trials} trials",
            }).Append(')');
        }

        if (Assignments(payload, "bestParameters") is { } parameters)
        {
            line.Append(" with ").Append(parameters);
        }

        return line.ToString();
    }

    private static string Optimization(JsonElement payload) =>
        "optimization " + (Text(payload, "optimizationId") ?? "(no optimization id)");
}
