using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Node.Management;

/// <summary>The body of <c>POST /api/agents/{id}/commands</c>.</summary>
/// <param name="Name">The command's name, such as <c>evaluate</c>.</param>
/// <param name="Arguments">Its arguments, any JSON; null for none.</param>
/// <param name="Timeout">
/// How long to wait for the agent's answer, e.g. <c>30s</c>; default <see cref="AgentEndpoints.DefaultCommandTimeout"/>.
/// </param>
public sealed record AgentCommandRequest(
    string? Name,
    JsonElement? Arguments = null,
    [property: JsonConverter(typeof(DurationTextConverter))] string? Timeout = null);
