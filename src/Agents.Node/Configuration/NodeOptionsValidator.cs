using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agents.Node.Configuration;

/// <summary>Checks <see cref="NodeOptions"/> at start-up; each failure names the setting, its value and the fix.</summary>
internal sealed partial class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        var failures = new List<string>();
        if (!SystemName().IsMatch(options.Name ?? ""))
        {
            failures.Add(
                $"agents.node.name is '{options.Name}'; it names the actor system, so use ASCII letters, digits, '-' and '_', " +
                "starting with a letter or digit (e.g. 'node-a'; AGENTS_NODE_NAME or --name).");
        }

        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add("agents.node.data-dir is empty; set a directory for the node's files (AGENTS_DATA_DIR or --data-dir), e.g. 'data'.");
        }

        var management = options.Management;
        if (management.Port is < 0 or > 65535)
        {
            failures.Add(
                $"agents.node.management.port is {management.Port}; use a TCP port between 1 and 65535, or 0 for a free one " +
                "(AGENTS_MANAGEMENT_PORT or --port).");
        }

        if (string.IsNullOrWhiteSpace(management.Host))
        {
            failures.Add("agents.node.management.host is empty; use 127.0.0.1 (default), or an address of this machine together with a token.");
        }
        else if (!management.IsLoopback && string.IsNullOrEmpty(management.Token))
        {
            failures.Add(
                $"agents.node.management.host is '{management.Host}', which is not a loopback address, and no token is configured: " +
                "the management API would be open to the network. Set agents.node.management.token (AGENTS_TOKEN or --token) " +
                "to a long random secret, or listen on 127.0.0.1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex SystemName();
}
