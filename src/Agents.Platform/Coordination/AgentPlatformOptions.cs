using Agents.Hocon;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// How the agent platform of a node runs: the <c>agents.coordinator</c> section of the configuration (every setting
/// is commented in the <c>reference.conf</c> embedded in Agents.Platform) and the agents defined in
/// <c>agents.definitions</c>.
/// </summary>
public sealed record AgentPlatformOptions
{
    /// <summary>The defaults of every setting, parsed from the <c>reference.conf</c> embedded in Agents.Platform.</summary>
    public static Config ReferenceConfig => PlatformReference.Config;

    /// <summary>Every default and no agent definitions.</summary>
    public static AgentPlatformOptions Default { get; } = new();

    /// <summary>
    /// How failing agents are restarted (<c>backoff</c>, <c>max-failures</c>, <c>failure-window</c>).
    /// </summary>
    /// <value><see cref="AgentSupervision.Default"/>: 1 s doubling up to 30 s, 20 % random, given up after 5 failures within 5 minutes.</value>
    public AgentSupervision Supervision { get; init; } = AgentSupervision.Default;

    /// <summary>
    /// How often the coordinator looks for agents that stopped sending heartbeats (<c>heartbeat-check-interval</c>);
    /// an agent is reported at most this long after its own heartbeat timeout.
    /// </summary>
    /// <value>5 seconds.</value>
    public TimeSpan HeartbeatCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a call of the agent directory waits for the coordinator (<c>ask-timeout</c>).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The agents of the configuration (<c>agents.definitions</c>), validated. The coordinator journals each one that
    /// is new or changed when it starts.
    /// </summary>
    /// <value>None.</value>
    public IReadOnlyList<AgentDefinition> Definitions { get; init; } = [];

    /// <summary>
    /// Reads the <c>agents.coordinator</c> and <c>agents.definitions</c> sections of <paramref name="config"/>
    /// (typically the actor system's <c>Config</c>) over the defaults of <see cref="ReferenceConfig"/>, and checks
    /// every definition against <paramref name="types"/>.
    /// </summary>
    /// <exception cref="HoconException">
    /// A setting or a definition is invalid; the message starts with <c>file:line:column</c>, names the path (such as
    /// <c>agents.definitions.monitor-1.type</c>) and says what is wrong and how to fix it.
    /// </exception>
    public static AgentPlatformOptions FromConfig(Config config, AgentTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(types);
        var merged = config.WithFallback(ReferenceConfig).Resolve();
        return AgentCoordinatorSettingsBinder.Bind(merged) with { Definitions = AgentDefinitionBinder.Bind(merged, types) };
    }

    /// <summary>Checks values set in code, which the configuration binder has not seen.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the property and the fix.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Supervision, nameof(Supervision));
        ArgumentNullException.ThrowIfNull(Definitions, nameof(Definitions));
        var s = Supervision;
        if (s.MinBackoff <= TimeSpan.Zero || s.MaxBackoff < s.MinBackoff)
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.Supervision has MinBackoff {s.MinBackoff} and MaxBackoff {s.MaxBackoff}; MinBackoff must be positive and MaxBackoff at least MinBackoff. Fix: use 1 s and 30 s (the defaults).");
        }
        if (s.RandomFactor is < 0 or > 1 || double.IsNaN(s.RandomFactor))
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.Supervision.RandomFactor is {s.RandomFactor}; it must be between 0 and 1. Fix: use 0.2 (the default).");
        }
        if (s.MaxFailures < 0)
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.Supervision.MaxFailures is {s.MaxFailures}; it must be 0 or more. Fix: use 5 (the default).");
        }
        if (s.FailureWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.Supervision.FailureWindow is {s.FailureWindow}; it must be positive. Fix: use 5 minutes (the default).");
        }
        if (HeartbeatCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.HeartbeatCheckInterval is {HeartbeatCheckInterval}; it must be positive. Fix: use 5 s (the default).");
        }
        if (AskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"AgentPlatformOptions.AskTimeout is {AskTimeout}; it must be positive. Fix: use 10 s (the default).");
        }
    }
}
