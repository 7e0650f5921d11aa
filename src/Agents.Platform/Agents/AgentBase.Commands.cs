using System.Text.Json;
using Agents.Actors;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    /// <summary>The command every agent answers: accepted with the message <c>pong</c>.</summary>
    /// <value><c>ping</c></value>
    public const string PingCommand = "ping";

    /// <summary>
    /// The names of the commands this agent answers, listed to whoever sends an unknown one. A subclass that handles
    /// commands returns the base's names plus its own.
    /// </summary>
    /// <value>By default only <see cref="PingCommand"/>.</value>
    protected virtual IReadOnlyList<string> KnownCommands => [PingCommand];

    /// <summary>
    /// Called for each <see cref="AgentCommand"/>; the result goes back to the command's sender once the events the
    /// handler persisted are durable. Turn-based like every handler; an exception fails the agent (no answer is sent).
    /// The base answers <see cref="PingCommand"/> and rejects every other name (<see cref="RejectUnknown"/>); a subclass
    /// handles its names and returns <c>base.OnCommandAsync(command)</c> for the rest.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>The answer for the sender.</returns>
    protected virtual Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult(string.Equals(command.Name, PingCommand, StringComparison.Ordinal)
            ? Accept(command, "pong")
            : RejectUnknown(command));
    }

    /// <summary>An answer saying that <paramref name="command"/> was carried out (or started).</summary>
    /// <param name="command">The command answered.</param>
    /// <param name="message">What happened, for people.</param>
    /// <param name="result">A result document, if the command has one.</param>
    protected AgentCommandResult Accept(AgentCommand command, string message, JsonElement? result = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new AgentCommandResult(Id, command.Name, Accepted: true, message, result);
    }

    /// <summary>An answer saying that <paramref name="command"/> was refused, and why.</summary>
    /// <param name="command">The command answered.</param>
    /// <param name="reason">Why, and how to fix it.</param>
    protected AgentCommandResult Reject(AgentCommand command, string reason)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new AgentCommandResult(Id, command.Name, Accepted: false, reason);
    }

    /// <summary>The answer to a command name this agent does not know: rejected, listing <see cref="KnownCommands"/>.</summary>
    /// <param name="command">The command answered.</param>
    protected AgentCommandResult RejectUnknown(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        AgentLog.UnknownCommand(Log, Id, command.Name);
        return Reject(command,
            $"Agent '{Id}' (type '{Type}') has no command '{command.Name}'; known commands: {string.Join(", ", KnownCommands)}.");
    }

    private async Task HandleCommandAsync(AgentCommand command)
    {
        var replyTo = Sender;
        var result = await OnCommandAsync(command);
        DeferAsync(result, r => replyTo.Tell(r, Self));
    }
}
