namespace Agents.Node.Story;

/// <summary>
/// The lines a node that tells the story writes once it listens: where its management API is (the address the server
/// really bound) and the console commands that look at the agents from another terminal.
/// </summary>
internal static class StoryDirections
{
    /// <summary>The management address the console uses when it is given none.</summary>
    /// <value><c>http://127.0.0.1:9110</c></value>
    public const string DefaultNode = "http://127.0.0.1:9110";

    /// <summary>The lines for a node listening on <paramref name="addresses"/> (none on a test server).</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyCollection<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var address = addresses.FirstOrDefault()?.TrimEnd('/');
        var node = address is null || string.Equals(address, DefaultNode, StringComparison.OrdinalIgnoreCase) ? "" : $" --node {address}";
        var lines = new List<string> { "the story of the agents follows; to look around meanwhile, from another terminal:" };
        if (address is not null)
        {
            lines.Add($"  management API   {address}/api/agents   (also /health/ready, /metrics, /openapi/v1.json)");
        }

        lines.Add($"  live training    agents{node} topic tail 'training.#'");
        lines.Add($"  every event      agents{node} topic tail '#'");
        lines.Add($"  the agents       agents{node} agent list");
        lines.Add("  (agents = dotnet run --project src/Agents.Cli --)");
        return lines;
    }
}
