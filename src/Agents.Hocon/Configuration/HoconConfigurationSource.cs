using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Configuration;

/// <summary>
/// A HOCON file as a <see cref="Microsoft.Extensions.Configuration"/> source. It honours
/// <see cref="FileConfigurationSource.Optional"/> and <see cref="FileConfigurationSource.ReloadOnChange"/>
/// like the JSON file source.
/// </summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>How the file is parsed; includes are always read relative to the file.</summary>
    public HoconParseOptions? ParseOptions { get; set; }

    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
