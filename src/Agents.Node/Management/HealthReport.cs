namespace Agents.Node.Management;

/// <summary>The body of the health endpoints.</summary>
/// <param name="Status"><c>live</c>, <c>ready</c> or <c>not-ready</c>.</param>
/// <param name="Checks">Each check and its outcome (<c>ok</c> or the reason it failed).</param>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);
