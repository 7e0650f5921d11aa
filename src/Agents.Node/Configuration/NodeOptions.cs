using Microsoft.Extensions.Configuration;

namespace Agents.Node.Configuration;

/// <summary>The node's own settings: the section <c>agents.node</c> of the configuration (see <c>hocon/node.conf</c>).</summary>
public sealed class NodeOptions
{
    /// <summary>The configuration section, in <see cref="IConfiguration"/> form.</summary>
    public const string Section = "agents:node";

    /// <summary>The node's name, which is also the actor system's name.</summary>
    /// <value>Default <c>agents</c> (<c>agents.node.name</c>, <c>AGENTS_NODE_NAME</c>).</value>
    public string Name { get; set; } = "agents";

    /// <summary>Where the node keeps its files; the embedded PostgreSQL server uses <c>&lt;data-dir&gt;/postgres</c>.</summary>
    /// <value>Default <c>data</c>, relative to the working directory (<c>agents.node.data-dir</c>, <c>AGENTS_DATA_DIR</c>).</value>
    [ConfigurationKeyName("data-dir")]
    public string DataDir { get; set; } = "data";

    /// <summary>The roles this node announces in the cluster view.</summary>
    /// <value>Default none (<c>agents.node.roles</c>).</value>
    public List<string> Roles { get; set; } = [];

    /// <summary>The management API.</summary>
    public ManagementOptions Management { get; set; } = new();
}
