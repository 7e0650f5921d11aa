using Agents.Hocon;

namespace Agents.Node.Story;

/// <summary>The node's story setting, <c>agents.node.story</c> (documented in <c>hocon/node.conf</c>).</summary>
public static class StorySettings
{
    /// <summary>The setting's path.</summary>
    /// <value><c>agents.node.story</c></value>
    public const string Path = "agents.node.story";

    /// <summary>
    /// Whether the node tells the story of its agents on the console (<see cref="StoryTeller"/>) and, once it listens,
    /// where to look next. Off when the setting is absent.
    /// </summary>
    /// <exception cref="HoconException">The setting is not on or off; the message names it and the fix.</exception>
    public static bool IsEnabled(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.HasPath(Path) && HoconSetting.ReadBoolean(config, Path);
    }
}
