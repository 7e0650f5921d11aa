using Agents.Actors;

namespace Agents.Platform.Topics;

/// <summary>Finds the <see cref="ITopicService"/> of an actor system.</summary>
public static class TopicServiceActorSystemExtensions
{
    /// <summary>The topic service registered in <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">No topic service was added to the system.</exception>
    public static ITopicService Topics(this ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.TryGetExtension<ITopicService>(out var topics)
            ? topics
            : throw new InvalidOperationException(
                $"Actor system '{system.Name}' has no topic service. Fix: call system.AddTopicService(log, offsets) " +
                "when the system is created (the node does this).");
    }
}
