using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Configuration;

/// <summary>An already parsed <see cref="Config"/> (or HOCON text) as a configuration source.</summary>
/// <param name="config">The configuration; it is resolved with default options if it is not yet.</param>
public sealed class ParsedHoconConfigurationSource(Config config) : IConfigurationSource
{
    /// <summary>The configuration this source provides.</summary>
    public Config Config { get; } = config ?? throw new ArgumentNullException(nameof(config));

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ParsedHoconConfigurationProvider(Config);
}
