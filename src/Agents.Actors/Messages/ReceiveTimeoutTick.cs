namespace Agents.Actors;

/// <summary>The scheduler's prompt to check whether a receive timeout elapsed.</summary>
internal sealed class ReceiveTimeoutTick(int generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public int Generation { get; } = generation;
}
