using Agents.Actors;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    /// <summary>
    /// Applies <see cref="AgentLimits.MailboxCapacity"/> of <paramref name="definition"/> to <paramref name="props"/>:
    /// a bounded mailbox whose overflow goes to dead letters (logged and counted). A topic event lost that way is
    /// delivered again, since it was never acknowledged; a command's sender waits in vain, as for any agent that does
    /// not answer. Without a capacity the props are returned as they are. The agent's host applies it to the props of
    /// <see cref="AgentTypeRegistry.PropsFor"/>.
    /// </summary>
    /// <param name="props">The props that run the agent.</param>
    /// <param name="definition">The agent's definition.</param>
    /// <returns>Props with the mailbox bound, or <paramref name="props"/>.</returns>
    /// <exception cref="AgentDefinitionException">The capacity is less than 1.</exception>
    public static Props WithMailboxLimit(Props props, AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Limits?.MailboxCapacity is not { } capacity)
        {
            return props;
        }

        ValidateLimits(definition.Id, definition.Limits);
        return props.WithMailbox(MailboxOptions.Bounded(capacity, MailboxOverflowStrategy.DropNewest));
    }
}
