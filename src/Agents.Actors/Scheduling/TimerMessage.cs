namespace Agents.Actors;

/// <summary>
/// The envelope a timer sends to its actor. It is delivered only if its entry is still the active one
/// for its key, which is how cancelled and replaced timers never deliver.
/// </summary>
internal sealed class TimerMessage(ActorTimers.Entry entry) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public ActorTimers.Entry Entry { get; } = entry;
}
