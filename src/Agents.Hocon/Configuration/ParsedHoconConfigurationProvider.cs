using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Configuration;

/// <summary>Provides the keys of an already parsed <see cref="Config"/>; see <see cref="HoconConfigurationProvider"/> for the key mapping.</summary>
/// <param name="config">The configuration.</param>
public sealed class ParsedHoconConfigurationProvider(Config config) : ConfigurationProvider
{
    /// <inheritdoc />
    public override void Load() => Data = ConfigurationKeys.Flatten(config.Resolve().Root);
}
