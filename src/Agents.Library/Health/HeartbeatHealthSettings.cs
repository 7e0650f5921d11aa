using System.Globalization;
using Agents.Platform.Agents;

namespace Agents.Library.Health;

/// <summary>The settings of a <c>heartbeat-health</c> agent, read from its definition's <c>settings</c> object.</summary>
/// <param name="CheckEvery">Setting <c>check-every</c>: how often it reads the directory and scores every agent. <value>10 seconds</value></param>
/// <param name="Window">Setting <c>window</c>: how far back heartbeat gaps, failures and restarts count. <value>2 minutes</value></param>
/// <param name="Thresholds">Setting <c>thresholds</c> { info, warning, critical, emergency }: the level boundaries. <value>90, 70, 40, 15</value></param>
public sealed record HeartbeatHealthSettings(TimeSpan CheckEvery, TimeSpan Window, HealthThresholds Thresholds)
{
    /// <summary>The default check period.</summary>
    /// <value>10 seconds.</value>
    public static readonly TimeSpan DefaultCheckEvery = TimeSpan.FromSeconds(10);

    /// <summary>The default window.</summary>
    /// <value>2 minutes.</value>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(2);

    /// <summary>The settings of <paramref name="definition"/>, defaults for what it leaves out.</summary>
    /// <exception cref="AgentDefinitionException">A setting is invalid, or the thresholds are not in falling order.</exception>
    public static HeartbeatHealthSettings From(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var reader = new SettingsReader(definition, "{ \"check-every\": \"10s\", \"window\": \"2m\" }");
        var defaults = HealthThresholds.Default;
        var thresholds = new HealthThresholds(
            reader.Number("thresholds", "info", defaults.Info, 0, 100),
            reader.Number("thresholds", "warning", defaults.Warning, 0, 100),
            reader.Number("thresholds", "critical", defaults.Critical, 0, 100),
            reader.Number("thresholds", "emergency", defaults.Emergency, 0, 100));
        if (!(thresholds.Info >= thresholds.Warning && thresholds.Warning >= thresholds.Critical && thresholds.Critical >= thresholds.Emergency))
        {
            throw new AgentDefinitionException(definition.Id, "settings.thresholds",
                string.Create(CultureInfo.InvariantCulture,
                    $"info {thresholds.Info}, warning {thresholds.Warning}, critical {thresholds.Critical}, emergency {thresholds.Emergency} are not in falling order: give info >= warning >= critical >= emergency (defaults 90, 70, 40, 15)."));
        }

        return new HeartbeatHealthSettings(
            reader.Duration("check-every", DefaultCheckEvery), reader.Duration("window", DefaultWindow), thresholds);
    }
}
