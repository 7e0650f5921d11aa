using System.Text;
using System.Text.Json;
using static Agents.Node.Story.StoryFields;

namespace Agents.Node.Story;

internal static partial class StoryLines
{
    /// <summary>A workflow rule's firing (<c>workflow.rule.fired</c>): whom it told what, and their answers.</summary>
    private static string RuleFired(JsonElement payload)
    {
        var line = new StringBuilder("rule ").Append(Text(payload, "rule") ?? "(unnamed)").Append(" fired");
        if (Text(payload, "topic") is { } topic)
        {
            line.Append(" on ").Append(topic);
        }

        var command = Text(payload, "command") ?? "its command";
        if (Text(payload, "error") is { } error)
        {
            return line.Append(": could not tell ").Append(command).Append(": ").Append(error).ToString();
        }

        var told = new List<string>();
        if (Nested(payload, "targets") is { ValueKind: JsonValueKind.Array } targets)
        {
            foreach (var target in targets.EnumerateArray())
            {
                var answer = Field(target, "accepted") is { ValueKind: JsonValueKind.True } ? "accepted" : "refused";
                var message = Text(target, "message");
                told.Add($"told {Text(target, "agentId") ?? "an agent"} to {command} ({answer}{(message is null ? "" : ": " + message)})");
            }
        }

        return told.Count == 0
            ? line.Append(": no agent to tell ").Append(command).ToString()
            : line.Append(": ").AppendJoin("; ", told).ToString();
    }
}
