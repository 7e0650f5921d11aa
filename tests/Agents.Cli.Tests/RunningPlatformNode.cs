namespace Agents.Cli.Tests;

/// <summary>A <see cref="RunningNode"/> with its real agent platform: coordinator, topic service and the recorder agent type.</summary>
public sealed class RunningPlatformNode : RunningNode
{
    protected override bool ReplacesAgentPlatform => false;
}
