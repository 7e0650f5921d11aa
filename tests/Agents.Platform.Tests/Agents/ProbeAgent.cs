using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Agents;

/// <summary>
/// An agent that reports what reaches its handlers to a probe. Its event handler can be made to wait (or hang), and
/// its commands start actions whose work the test supplies.
/// </summary>
internal sealed class ProbeAgent(
    AgentDefinition definition,
    IActorRef reports,
    Func<TopicEvent, Task>? onEvent = null,
    Func<string, CancellationToken, Task<object?>>? actionWork = null) : AgentBase(definition)
{
    public const string StartActionsCommand = "start-actions";
    public const string CountActionsCommand = "count-actions";
    public const string WaitForCommand = "wait-for";

    protected override IReadOnlyList<string> KnownCommands => [.. base.KnownCommands, StartActionsCommand, CountActionsCommand, WaitForCommand];

    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        reports.Tell(new EventHandled(topicEvent.Envelope.Topic, topicEvent.DeliveryId));
        if (onEvent is not null)
        {
            await onEvent(topicEvent);
        }
    }

    protected override Task OnTickAsync(AgentTick tick)
    {
        reports.Tell(tick);
        return Task.CompletedTask;
    }

    protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        switch (command.Name)
        {
            case StartActionsCommand:
                foreach (var name in command.Arguments!.Value.EnumerateArray())
                {
                    var action = name.GetString()!;
                    StartAction(action, token => actionWork!(action, token));
                }

                return Task.FromResult(Accept(command, "started"));
            case WaitForCommand:
                var pattern = command.Arguments!.Value.GetString()!;
                StartAction("wait", async token => await WaitForEventAsync(pattern, null, TimeSpan.FromMinutes(1), token));
                return Task.FromResult(Accept(command, "waiting"));
            case CountActionsCommand:
                var counts = JsonSerializer.SerializeToElement(new ActionCounts(RunningActions, QueuedActions), JsonSerializerOptions.Web);
                return Task.FromResult(Accept(command, "counted", counts));
            default:
                return base.OnCommandAsync(command);
        }
    }

    protected override Task OnActionCompletedAsync(AgentActionCompleted completed)
    {
        reports.Tell(completed);
        return Task.CompletedTask;
    }

    protected override Task OnActionFailedAsync(AgentActionFailed failed)
    {
        reports.Tell(failed);
        return Task.CompletedTask;
    }
}

/// <summary>The probe agent's event handler ran.</summary>
internal sealed record EventHandled(string Topic, long DeliveryId);

/// <summary>The probe agent's action counts.</summary>
internal sealed record ActionCounts(int Running, int Queued);
