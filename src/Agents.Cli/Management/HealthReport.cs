namespace Agents.Cli.Management;

/// <summary>The body of <c>GET /health/live</c> and <c>GET /health/ready</c> when they answer 200.</summary>
/// <param name="Status"><c>live</c> or <c>ready</c>.</param>
/// <param name="Checks">Each check and its outcome.</param>
internal sealed record HealthReport(string Status, IReadOnlyDictionary<string, string>? Checks);
