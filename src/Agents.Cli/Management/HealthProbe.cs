namespace Agents.Cli.Management;

/// <summary>The outcome of one health endpoint: healthy, or not with the node's reason.</summary>
/// <param name="Endpoint">The path asked, e.g. <c>/health/ready</c>.</param>
/// <param name="Healthy">True when the endpoint answered 200.</param>
/// <param name="Reason">Why it is not healthy (the problem detail), or null.</param>
/// <param name="Json">The body as the node sent it.</param>
internal sealed record HealthProbe(string Endpoint, bool Healthy, string? Reason, string Json);
