using Agents.Hocon;

namespace Agents.Platform;

/// <summary>The defaults of every platform setting: the <c>reference.conf</c> embedded in Agents.Platform, parsed once.</summary>
public static class PlatformReference
{
    /// <summary>The embedded resource's name.</summary>
    /// <value><c>Agents.Platform.reference.conf</c></value>
    public const string ResourceName = "Agents.Platform.reference.conf";

    /// <summary>The parsed defaults (environment variables are not read: the application's configuration does that).</summary>
    public static Config Config { get; } = Config.ParseResource(
        typeof(PlatformReference).Assembly, ResourceName, HoconParseOptions.Default with { UseEnvironmentVariables = false });
}
