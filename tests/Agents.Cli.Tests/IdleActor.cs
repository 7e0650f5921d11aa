using Agents.Actors;

namespace Agents.Cli.Tests;

/// <summary>An actor that only exists, for the hierarchy and stop commands to find.</summary>
internal sealed class IdleActor : UntypedActor
{
    protected override void OnReceive(object message) => Unhandled(message);
}
