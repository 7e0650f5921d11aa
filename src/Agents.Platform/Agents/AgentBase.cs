using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;

namespace Agents.Platform.Agents;

/// <summary>
/// The base of every agent: an event-sourced actor (its state is rebuilt from the events it persisted under
/// <see cref="AgentNames.PersistenceId"/>) that, once recovered, subscribes durably to the topics of its
/// <see cref="Definition"/>, wakes on its schedules, proves it is alive with heartbeats to its parent (the agent's
/// host), and answers commands. Subclasses declare their state with <c>Recover&lt;T&gt;</c> and change it with
/// <c>Persist</c> / <c>PersistAndWaitAsync</c>, and override <see cref="OnEventAsync"/>, <see cref="OnCommandAsync"/>,
/// <see cref="OnTickAsync"/> and the action handlers.
/// </summary>
/// <remarks>
/// <para>Every handler is turn-based: the next message waits until the awaited handler (and the events it persisted)
/// completed. A handler that hangs therefore also holds back the heartbeat, which is how the coordinator detects a
/// stuck agent; long work belongs in <see cref="StartAction"/>. An exception from a handler fails the actor, and its
/// host restarts it (it recovers its state from its events).</para>
/// <para>Split by concern: validation in <c>AgentBase.Validation.cs</c>, heartbeats in <c>AgentBase.Heartbeat.cs</c>,
/// schedules in <c>AgentBase.Schedules.cs</c>, topic events in <c>AgentBase.Events.cs</c>, publishing and waiting in
/// <c>AgentBase.Topics.cs</c>, commands in <c>AgentBase.Commands.cs</c>, actions in <c>AgentBase.Actions.cs</c> and
/// the mailbox bound in <c>AgentBase.Mailbox.cs</c>.</para>
/// </remarks>
public abstract partial class AgentBase : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ActorSystem _system;
    private IDisposable? _subscription;

    /// <summary>Creates the agent that <paramref name="definition"/> describes.</summary>
    /// <param name="definition">The agent's definition.</param>
    /// <exception cref="AgentDefinitionException">The definition is invalid (see <see cref="Validate"/>).</exception>
    protected AgentBase(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Validate(definition);
        Definition = definition;
        _system = Context.System;
        _persistenceId = AgentNames.PersistenceId(definition.Id);
        _subscribes = ParsePatterns(definition.Subscribes);
        (_timeSchedules, _eventSchedules) = CompileSchedules(definition);
        _subscriptionPatterns = SubscriptionPatterns(_subscribes, _eventSchedules, out _hasScheduleOnlyPatterns);
        _maxConcurrentActions = (definition.Limits ?? AgentLimits.Default).MaxConcurrentActions;

        Recover<RecoveryCompleted>(_ => Start());
        Command<HeartbeatDue>(_ => SendHeartbeat());
        CommandAsync<ScheduleDue>(due => OnTickAsync(new AgentTick(due.Name, Now)));
        CommandAsync<AgentTick>(OnTickAsync);
        CommandAsync<TopicEvent>(HandleTopicEventAsync);
        CommandAsync<AgentCommand>(HandleCommandAsync);
        CommandAsync<AgentActionCompleted>(HandleActionCompletedAsync);
        CommandAsync<AgentActionFailed>(HandleActionFailedAsync);
    }

    /// <summary>The agent's id, unique on the cluster.</summary>
    public string Id => Definition.Id;

    /// <summary>The agent's type name, the one its definition names.</summary>
    public string Type => Definition.Type;

    /// <summary>The definition the agent runs with.</summary>
    public AgentDefinition Definition { get; }

    /// <summary>The id the agent's own events are stored under.</summary>
    /// <value><c>agent-&lt;id&gt;</c> (<see cref="AgentNames.PersistenceId"/>).</value>
    public sealed override string PersistenceId => _persistenceId;

    /// <summary>
    /// Cancelled when this incarnation of the agent stops or restarts: running actions see it, and waits started with
    /// <see cref="WaitForEventAsync"/> end with it.
    /// </summary>
    protected CancellationToken StoppingToken => _lifetime.Token;

    /// <summary>The current time by the actor system's time provider (virtual in tests).</summary>
    protected DateTimeOffset Now => _system.TimeProvider.GetUtcNow();

    /// <summary>
    /// Called once the agent's state is recovered from its events, after it subscribed to its topics and started its
    /// schedules and heartbeat, and before its host is told that it runs. Runs as the last recovery step: it may
    /// persist and send. Declare no <c>Recover&lt;RecoveryCompleted&gt;</c> handler in a subclass (the base handles
    /// that message); override this instead. Does nothing by default.
    /// </summary>
    protected virtual void OnRecovered()
    {
    }

    /// <summary>
    /// Stops what belongs to this incarnation: cancels running actions (queued ones never start) and ends the topic
    /// subscription (a durable one keeps its offset). Subclasses that override it must call the base.
    /// </summary>
    protected override void PostStop()
    {
        _lifetime.Cancel();
        _queuedActions.Clear();
        _subscription?.Dispose();
        _subscription = null;
        base.PostStop();
    }

    private void Start()
    {
        if (_subscriptionPatterns.Count > 0)
        {
            _subscription = _system.Topics().SubscribeDurable(Id, _subscriptionPatterns, Self, Definition.SubscribeFrom);
        }

        StartTimeSchedules();
        StartHeartbeat();
        OnRecovered();
        AgentLog.Started(Log, Id, Type, LastSequenceNr, _subscriptionPatterns.Count);
        Context.Parent.Tell(new AgentStarted(Id, Now), Self);
    }
}
