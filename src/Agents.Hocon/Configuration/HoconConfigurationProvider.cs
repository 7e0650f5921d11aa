using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Configuration;

/// <summary>
/// Loads a HOCON file into configuration keys: the path <c>agents.actor.throughput</c> becomes the key
/// <c>agents:actor:throughput</c>, array elements are indexed (<c>seeds:0</c>), <c>null</c> is a null value.
/// Values keep the text they were written with, so a duration such as <c>5s</c> stays <c>"5s"</c>: read it
/// with <see cref="HoconDuration.Parse"/> or write it in <see cref="TimeSpan"/> form (<c>"00:00:05"</c>)
/// if it must bind to a <see cref="TimeSpan"/> property.
/// </summary>
public sealed class HoconConfigurationProvider(HoconConfigurationSource source) : FileConfigurationProvider(source)
{
    /// <inheritdoc />
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var physical = Source.FileProvider?.GetFileInfo(Source.Path ?? string.Empty).PhysicalPath;
        var origin = physical ?? Source.Path ?? "<stream>";
        var options = ((HoconConfigurationSource)Source).ParseOptions ?? HoconParseOptions.Default;
        var config = Config.ParseSource(text, origin, physical, options);
        Data = ConfigurationKeys.Flatten(config.Resolve().Root);
    }
}
