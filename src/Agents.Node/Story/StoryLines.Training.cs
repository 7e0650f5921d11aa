using System.Text;
using System.Text.Json;
using static Agents.Node.Story.StoryFields;

namespace Agents.Node.Story;

internal static partial class StoryLines
{
    private static string TrainingStart(JsonElement payload)
    {
        var parameters = Assignments(payload, "parameters");
        var suffix = parameters is null ? "" : $" ({parameters})";
        if (Text(payload, "optimizationId") is { } optimization)
        {
            var trial = Text(payload, "trial") is { } number ? $"trial {number}" : "a trial";
            var run = Text(payload, "runId") is { } id ? $" as {id}" : "";
            return $"optimization {optimization}: {trial} started{run}{suffix}";
        }

        return $"{Run(payload)} started{suffix}";
    }

    private static string EpochComplete(JsonElement payload)
    {
        var line = new StringBuilder(Run(payload)).Append(": epoch ").Append(Text(payload, "epoch") ?? "?");
        AppendMetrics(line, payload);
        return line.ToString();
    }

    private static string EarlyStop(JsonElement payload)
    {
        var line = new StringBuilder(Run(payload)).Append(": early stop");
        if (Text(payload, "epoch") is { } epoch)
        {
            line.Append(" at epoch ").Append(epoch);
        }

        var bestEpoch = Text(payload, "bestEpoch");
        var details = new List<string>();
        switch (Text(payload, "reason"))
        {
            case "overfitting_detected":
                details.Add(bestEpoch is null ? "validation loss rising" : $"validation loss rising since epoch {bestEpoch}");
                break;
            case { } reason:
                details.Add(Words(reason));
                break;
        }

        if (Number(payload, "bestValidationLoss") is { } best)
        {
            details.Add(bestEpoch is null ? $"best {Format(best)}" : $"best {Format(best)} at epoch {bestEpoch}");
        }

        return details.Count == 0 ? line.ToString() : line.Append(" (").AppendJoin("; ", details).Append(')').ToString();
    }

    private static string Diverged(JsonElement payload)
    {
        var line = new StringBuilder(Run(payload)).Append(": diverged");
        if (Text(payload, "epoch") is { } epoch)
        {
            line.Append(" at epoch ").Append(epoch);
        }

        var loss = Number(payload, "trainingLoss");
        var detail = (Text(payload, "reason"), loss) switch
        {
            ("nan_loss", _) => "training loss became NaN",
            ("loss_exploded", { } value) => $"loss exploded to {Format(value)}",
            (null, { } value) => $"training loss {Format(value)}",
            ({ } reason, { } value) => $"{Words(reason)}, training loss {Format(value)}",
            ({ } reason, null) => Words(reason),
            _ => null,
        };
        return detail is null ? line.ToString() : line.Append(" (").Append(detail).Append(')').ToString();
    }

    private static string TrainingComplete(JsonElement payload)
    {
        var status = Text(payload, "status");
        var line = new StringBuilder(Run(payload)).Append(' ').Append(status switch
        {
            "completed" => "finished",
            "stopped" => "stopped",
            "diverged" => "ended: diverged",
            "failed" => "failed",
            null => "ended",
            _ => $"ended ({Words(status)})",
        });
        if (Text(payload, "epochs") is { } epochs)
        {
            line.Append(" after ").Append(epochs).Append(" epochs");
        }

        var details = new List<string>();
        if (Number(payload, "score") is { } score && status != "diverged")
        {
            details.Add(Text(payload, "bestEpoch") is { } bestEpoch
                ? $"best validation loss {Format(score)} at epoch {bestEpoch}"
                : $"best validation loss {Format(score)}");
        }

        if (Nested(payload, "metrics") is { } metrics && Number(metrics, "accuracy") is { } accuracy)
        {
            details.Add($"accuracy {Percent(accuracy)}");
        }

        if (details.Count > 0)
        {
            line.Append(": ").AppendJoin(", ", details);
        }

        if (Text(payload, "optimizationId") is { } optimization)
        {
            line.Append(" (optimization ").Append(optimization);
            line.Append(Text(payload, "trial") is { } trial ? $", trial {trial})" : ")");
        }

        return line.ToString();
    }

    private static string Convergence(string topic, JsonElement payload)
    {
        var what = topic == "model.convergence.detected" ? "converged" : Words(topic["model.convergence.".Length..]);
        var line = new StringBuilder(Run(payload)).Append(": ").Append(what);
        if (Text(payload, "epoch") is { } epoch)
        {
            line.Append(" at epoch ").Append(epoch);
        }

        var metrics = Nested(payload, "metrics");
        var validation = metrics is { } m ? Number(m, "validationLoss") : null;
        var details = new List<string>();
        switch (Text(payload, "reason"))
        {
            case "validation_plateau":
                details.Add(validation is { } v ? $"validation loss plateaued at {Format(v)}" : "validation loss plateaued");
                validation = null;
                break;
            case { } reason:
                details.Add(Words(reason));
                break;
        }

        if (validation is { } loss)
        {
            details.Add($"validation loss {Format(loss)}");
        }

        if (metrics is { } all && Number(all, "accuracy") is { } accuracy)
        {
            details.Add($"accuracy {Percent(accuracy)}");
        }

        return details.Count == 0 ? line.ToString() : line.Append(" (").AppendJoin(", ", details).Append(')').ToString();
    }

    private static void AppendMetrics(StringBuilder line, JsonElement payload)
    {
        if (Number(payload, "trainingLoss") is { } training)
        {
            line.Append(", training loss ").Append(Format(training));
        }

        if (Number(payload, "validationLoss") is { } validation)
        {
            line.Append(", validation loss ").Append(Format(validation));
        }

        if (Number(payload, "accuracy") is { } accuracy)
        {
            line.Append(", accuracy ").Append(Percent(accuracy));
        }
    }
}
