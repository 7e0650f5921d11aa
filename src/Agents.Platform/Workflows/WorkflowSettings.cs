using Agents.Hocon;

namespace Agents.Platform.Workflows;

/// <summary>How the workflow engine runs: the <c>agents.workflows</c> section besides its rules (commented in the
/// <c>reference.conf</c> embedded in Agents.Platform).</summary>
public sealed record WorkflowSettings
{
    /// <summary>The topic the engine publishes a <see cref="WorkflowRuleFired"/> record on for every firing.</summary>
    /// <value><c>workflow.rule.fired</c></value>
    public const string FiredTopic = "workflow.rule.fired";

    /// <summary>The publisher name of the engine's records.</summary>
    /// <value><c>workflows</c></value>
    public const string Publisher = "workflows";

    private const string Section = "agents.workflows";

    /// <summary>The defaults of every platform setting, parsed from the <c>reference.conf</c> embedded in Agents.Platform.</summary>
    public static Config ReferenceConfig => PlatformReference.Config;

    /// <summary>How long the engine waits for each agent's answer to a command (<c>tell-timeout</c>).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan TellTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads <c>agents.workflows</c> of <paramref name="config"/> over the defaults of <see cref="ReferenceConfig"/>.</summary>
    /// <exception cref="HoconException">A setting has a bad value; the message names its path, its value and the fix.</exception>
    public static WorkflowSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig).Resolve();
        return new WorkflowSettings
        {
            TellTimeout = HoconSetting.ReadDuration(merged, Section + ".tell-timeout", allowInfinite: false,
                "how long a rule waits for each agent's answer", $"{Section}.tell-timeout = 10s (the default)"),
        };
    }
}
