using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// The sharded entity of one agent (entity id = agent id, in the region <c>agent-&lt;type&gt;</c>): it asks the
/// coordinator for the agent's definition, runs the agent's actor as its child, forwards the agent's messages to it
/// (keeping the sender) and supervises it. A failed agent is stopped and started again by the host itself, as a fresh
/// actor that recovers from its journal, after a backoff that doubles from <see cref="AgentSupervision.MinBackoff"/>
/// up to <see cref="AgentSupervision.MaxBackoff"/>; after more than <see cref="AgentSupervision.MaxFailures"/>
/// failures within <see cref="AgentSupervision.FailureWindow"/> it stays stopped until <see cref="RestartAgent"/>.
/// </summary>
/// <remarks>
/// <para>Messages that arrive before the definition, during a backoff or while the agent is being restarted are
/// stashed (up to the actor system's stash capacity; more go to dead letters) and delivered to the new agent actor
/// in order. An <see cref="AgentCommand"/> to an agent that was given up is answered as rejected; other messages to it
/// go to dead letters.</para>
/// <para>The coordinator learns everything through messages: <see cref="AgentHostStarted"/> when the host starts,
/// <see cref="AgentStarted"/> and <see cref="AgentHeartbeatSignal"/> from the agent, <see cref="AgentFailed"/> and
/// <see cref="AgentGaveUp"/> from the host. Split by concern: supervision (failures, backoff) in
/// <c>AgentHost.Supervision.cs</c>.</para>
/// </remarks>
public sealed partial class AgentHost : ReceiveActor, IWithStash
{
    private const string AgentActorName = "agent";

    private readonly string _agentId;
    private readonly IActorRef _coordinator;
    private readonly AgentTypeRegistry _types;
    private readonly AgentSupervision _supervision;
    private readonly SupervisorStrategy _strategy;
    private AgentDefinition? _definition;
    private IActorRef? _agent;
    private PendingStop _pending;
    private bool _gaveUp;

    /// <summary>Creates the host; use <see cref="Props"/>.</summary>
    /// <param name="agentId">The agent it hosts.</param>
    /// <param name="coordinator">The coordinator it reports to.</param>
    /// <param name="types">The agent types, to create the agent's actor from its definition.</param>
    /// <param name="supervision">How failures are handled.</param>
    public AgentHost(string agentId, IActorRef coordinator, AgentTypeRegistry types, AgentSupervision supervision)
    {
        _agentId = agentId;
        _coordinator = coordinator;
        _types = types;
        _supervision = supervision;
        // A failed agent is stopped, never restarted in place: the host starts a fresh actor after the backoff.
        _strategy = new OneForOneStrategy(OnAgentFailure);
        Receive<StartAgent>(start =>
        {
            _definition = start.Definition;
            Become(Hosting);
            StartAgentActor();
        });
        Receive<StopAgent>(_ => Passivate());
        Receive<StopHost>(_ => Context.Stop(Self));
        ReceiveAny(StashOrDrop);
    }

    /// <summary>
    /// What the shard sends its entities when the region shuts down: the host stops its agent gracefully (the agent
    /// handles what it already received), then itself. Set as <see cref="ShardingSettings.StopMessage"/> of the agent regions.
    /// </summary>
    public static object ShutdownMessage => StopHost.Instance;

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>The props of the host of <paramref name="agentId"/>, for <c>ClusterSharding.Start</c>.</summary>
    /// <param name="agentId">The agent it hosts (the entity id).</param>
    /// <param name="coordinator">The coordinator it reports to and asks for the definition.</param>
    /// <param name="types">The agent types, to create the agent's actor from its definition.</param>
    /// <param name="supervision">How failures are handled.</param>
    public static Props Props(string agentId, IActorRef coordinator, AgentTypeRegistry types, AgentSupervision supervision)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(supervision);
        return global::Agents.Actors.Props.Create(() => new AgentHost(agentId, coordinator, types, supervision));
    }

    /// <inheritdoc />
    protected override void PreStart() => _coordinator.Tell(new AgentHostStarted(_agentId), Self);

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    private void Hosting()
    {
        Receive<AgentStarted>(started => _coordinator.Tell(started, Self));
        Receive<AgentHeartbeatSignal>(heartbeat => _coordinator.Tell(heartbeat, Self));
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_agent))
            {
                OnAgentTerminated();
            }
        });
        Receive<RestartAfterBackoff>(_ => StartAgentActor());
        Receive<StartAgent>(OnStartAgent);
        Receive<RestartAgent>(_ => RestartNow());
        Receive<StopAgent>(_ => StopGracefully(PendingStop.Passivate));
        Receive<StopHost>(_ => StopGracefully(PendingStop.Shutdown));
        Receive<AgentCommand>(_ => _gaveUp, command => Sender.Tell(new AgentCommandResult(
            _agentId, command.Name, Accepted: false,
            $"Agent '{_agentId}' failed too often and is stopped; restart it (POST /api/agents/{_agentId}/restart) to run it again."), Self));
        ReceiveAny(message =>
        {
            if (_agent is not null && _pending == PendingStop.None)
            {
                _agent.Forward(message);
            }
            else if (_gaveUp)
            {
                Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
            }
            else
            {
                StashOrDrop(message);
            }
        });
    }

    /// <summary>A definition while running: the same one changes nothing, a new one restarts the agent with it.</summary>
    private void OnStartAgent(StartAgent start)
    {
        if (_definition is { } current && AgentDefinitionValidator.Same(current, start.Definition) && !_gaveUp)
        {
            return;
        }
        _definition = start.Definition;
        RestartNow();
    }

    /// <summary>Stops the running agent (when any) and starts it again at once, forgetting its failures.</summary>
    private void RestartNow()
    {
        Timers.Cancel(RestartAfterBackoff.Instance);
        ForgetFailures();
        if (_agent is null)
        {
            StartAgentActor();
            return;
        }
        if (_pending == PendingStop.None)
        {
            _pending = PendingStop.Restart;
            Context.Stop(_agent);
        }
    }

    private void StopGracefully(PendingStop how)
    {
        Timers.Cancel(RestartAfterBackoff.Instance);
        if (_agent is null)
        {
            Finish(how);
            return;
        }
        // PoisonPill queues behind the messages the agent already has, so it handles them (and persists) first.
        _pending = how;
        _agent.Tell(PoisonPill.Instance, Self);
    }

    private void OnAgentTerminated()
    {
        _agent = null;
        var pending = _pending;
        _pending = PendingStop.None;
        switch (pending)
        {
            case PendingStop.Restart:
                StartAgentActor();
                return;
            case PendingStop.Passivate or PendingStop.Shutdown:
                Finish(pending);
                return;
            default:
                OnAgentStopped();
                return;
        }
    }

    private void StartAgentActor()
    {
        var definition = _definition!;
        Props props;
        try
        {
            props = _types.PropsFor(definition);
        }
        catch (AgentDefinitionException e)
        {
            GiveUp(e.Message, 0);
            return;
        }
        if (definition.Limits?.MailboxCapacity is { } capacity)
        {
            props = props.WithMailbox(MailboxOptions.Bounded(capacity));
        }
        _gaveUp = false;
        _agent = Context.Watch(Context.ActorOf(props, AgentActorName));
        Stash.UnstashAll();
    }

    /// <summary>Asks the shard to stop this host (it holds messages that arrive meanwhile), or stops at once on shutdown.</summary>
    private void Finish(PendingStop how)
    {
        if (how == PendingStop.Shutdown)
        {
            Context.Stop(Self);
            return;
        }
        Passivate();
    }

    private void Passivate() => Context.Parent.Tell(new Passivate(PoisonPill.Instance), Self);

    private void StashOrDrop(object message)
    {
        if (Stash.Count < Stash.Capacity)
        {
            Stash.Stash();
            return;
        }
        AgentHostLog.StashFull(Log, _agentId, Stash.Capacity, message.GetType().Name);
        Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
    }

    /// <summary>Why the host stops its agent actor itself.</summary>
    private enum PendingStop
    {
        None,
        Restart,
        Passivate,
        Shutdown,
    }

    /// <summary>The region's stop message for its hosts (see <see cref="ShutdownMessage"/>).</summary>
    private sealed class StopHost
    {
        public static StopHost Instance { get; } = new();
    }

    /// <summary>The backoff timer's message (and key).</summary>
    private sealed class RestartAfterBackoff
    {
        public static RestartAfterBackoff Instance { get; } = new();
    }
}
