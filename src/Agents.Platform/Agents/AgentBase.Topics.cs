using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    /// <summary>The topic service of the agent's actor system; usable from actions too (off the actor's turn).</summary>
    /// <exception cref="InvalidOperationException">The system has no topic service.</exception>
    protected ITopicService Topics => _system.Topics();

    /// <summary>
    /// Publishes <paramref name="payload"/> on <paramref name="topic"/> with this agent as the publisher; usable from actions too. Awaiting it
    /// inside a handler holds the agent's next message back until the event is durable.
    /// </summary>
    /// <param name="topic">The topic, dot-separated words.</param>
    /// <param name="payload">The event: a record with a manifest, or a <see cref="Persistence.Serialization.JsonPayload"/>.</param>
    /// <param name="cancellationToken">Cancels the wait; the event may still be stored.</param>
    /// <returns>The stored event with its offset.</returns>
    /// <exception cref="TopicFormatException"><paramref name="topic"/> is not a valid topic name.</exception>
    protected Task<TopicEnvelope> PublishAsync(string topic, object payload, CancellationToken cancellationToken = default) =>
        Topics.PublishAsync(topic, payload, Id, cancellationToken);

    /// <summary>
    /// Waits for the first event published from now on whose topic matches <paramref name="pattern"/> and for which
    /// <paramref name="where"/> holds. The wait also ends when the agent stops. Awaited inside a handler it holds the
    /// agent's messages (and heartbeats) back for up to <paramref name="timeout"/>; wait inside
    /// <see cref="StartAction"/> when that can exceed the heartbeat timeout.
    /// </summary>
    /// <param name="pattern">The topic pattern (AMQP rules).</param>
    /// <param name="where">The condition on the event; <see langword="null"/> takes the first matching event.</param>
    /// <param name="timeout">How long to wait, on the system's time provider.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TopicFormatException"><paramref name="pattern"/> is not a valid pattern.</exception>
    /// <exception cref="TimeoutException">No such event arrived in time.</exception>
    protected async Task<TopicEnvelope> WaitForEventAsync(
        string pattern, Func<TopicEnvelope, bool>? where, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var parsed = TopicPattern.Parse(pattern);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, StoppingToken);
        return await Topics.WaitForEventAsync(parsed, where, timeout, linked.Token);
    }
}
