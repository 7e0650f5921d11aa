using Agents.Actors;
using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>Finds the <see cref="ITopicService"/> of an actor system.</summary>
public static class TopicServiceActorSystemExtensions
{
    /// <summary>
    /// Starts a <see cref="TopicService"/> over <paramref name="log"/> in <paramref name="system"/> and registers it,
    /// so that <see cref="Topics"/> finds it. Call it once, when the system is set up.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="log">The topic log events are appended to and read from.</param>
    /// <param name="offsets">Where durable subscriptions store their offsets (the PostgreSQL and in-memory logs are both).</param>
    /// <param name="options">The settings; when null, read from the system's configuration (<c>agents.topics</c>).</param>
    /// <returns>The service; it stops with the system.</returns>
    /// <exception cref="InvalidOperationException">The system has a topic service already.</exception>
    public static TopicService AddTopicService(
        this ActorSystem system, ITopicLog log, ITopicSubscriptionStore offsets, TopicServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.TryGetExtension<ITopicService>(out _))
        {
            throw new InvalidOperationException(
                $"Actor system '{system.Name}' has a topic service already; add it once, when the system is set up.");
        }

        var service = new TopicService(system, log, offsets, options);
        system.RegisterExtension<ITopicService>(service);
        return service;
    }

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
