using System.Text;
using System.Text.Json;
using static Agents.Node.Story.StoryFields;

namespace Agents.Node.Story;

internal static partial class StoryLines
{
    private static string Alert(string topic, JsonElement payload)
    {
        var level = Text(payload, "level") ?? topic["alert.".Length..];
        var line = new StringBuilder("health: ").Append(level).Append(" alert for ").Append(Agent(payload));
        AppendScore(line, payload);
        return AppendWhy(line, payload).ToString();
    }

    private static string Recovered(JsonElement payload)
    {
        var line = new StringBuilder("health: ").Append(Agent(payload)).Append(" recovered");
        AppendScore(line, payload);
        return AppendWhy(line, payload).ToString();
    }

    private static string Anomaly(JsonElement payload)
    {
        var line = new StringBuilder("anomaly in ").Append(Text(payload, "metric") ?? "a metric");
        if (Number(payload, "value") is { } value)
        {
            line.Append(": value ").Append(Format(value));
        }

        var details = new List<string>();
        if (Number(payload, "score") is { } score)
        {
            details.Add($"score {Format(score)}");
        }

        if (Text(payload, "method") is { } method)
        {
            details.Add(method switch
            {
                "isolation_forest" => "isolation forest",
                "robust_z" => "robust z-score",
                _ => Words(method),
            });
        }

        if (Number(payload, "window") is { } window)
        {
            details.Add($"window of {Format(window)}");
        }

        return details.Count == 0 ? line.ToString() : line.Append(" (").AppendJoin(", ", details).Append(')').ToString();
    }

    private static string HealthFailure(JsonElement payload)
    {
        var line = new StringBuilder("health: ").Append(Agent(payload));
        var detail = Text(payload, "detail");
        switch (Text(payload, "reason"))
        {
            case "heartbeat-timeout":
                line.Append(" went silent");
                if (Text(payload, "silentFor") is { } silent)
                {
                    line.Append(" for ").Append(silent);
                }

                line.Append("; restarting it");
                break;
            case "too-many-failures":
                line.Append(" failed too often and was given up");
                break;
            case { } reason:
                line.Append(" failed (").Append(Words(reason)).Append(')');
                break;
            default:
                line.Append(" failed");
                break;
        }

        return detail is null ? line.ToString() : line.Append(": ").Append(detail).ToString();
    }

    private static string Agent(JsonElement payload) => "agent " + (Text(payload, "agentId") ?? "(no agent id)");

    private static void AppendScore(StringBuilder line, JsonElement payload)
    {
        if (Number(payload, "score") is { } score)
        {
            line.Append(" (score ").Append(Format(score)).Append(')');
        }
    }

    private static StringBuilder AppendWhy(StringBuilder line, JsonElement payload)
    {
        if (Text(payload, "message") is { } message)
        {
            return line.Append(": ").Append(message);
        }

        var reasons = Texts(payload, "reasons");
        return reasons.Count == 0 ? line : line.Append(": ").AppendJoin("; ", reasons);
    }
}
