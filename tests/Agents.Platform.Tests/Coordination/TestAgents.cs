using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;

namespace Agents.Platform.Tests.Coordination;

/// <summary>What a test agent reports to its probe when an incarnation starts (after recovery, for the counting agent).</summary>
public sealed record AgentUp(string AgentId, Guid Instance, int Count = 0);

/// <summary>What a test agent reports to its probe when an incarnation stops.</summary>
public sealed record AgentDown(string AgentId, Guid Instance);

/// <summary>The counting agent's event.</summary>
[Manifest("tests.agent-counted")]
public sealed record AgentCounted(int Count);

/// <summary>
/// The agent types of the coordination tests: "plain" (a <see cref="ReceiveActor"/>) and "counting" (a persistent
/// actor whose count survives restarts). Both report starts and stops to a probe, send <see cref="AgentStarted"/> and
/// heartbeats to their parent (the host), and handle the commands "echo" (answers with its instance), "fail" (throws),
/// "hang" (goes silent: no more heartbeats); the counting agent also "count" (persists one more) and "get".
/// </summary>
public static class TestAgents
{
    public static readonly ManifestRegistry Manifests = ManifestRegistry.Create([.. AgentCoordinator.EventTypes, typeof(AgentCounted)]);

    public static AgentTypeRegistry Registry(IActorRef probe) => new AgentTypeRegistry()
        .Register("plain", definition => Props.Create(() => new PlainAgent(definition, probe)))
        .Register("counting", definition => Props.Create(() => new CountingAgent(definition, probe)));

    public static AgentDefinition Plain(string id, bool active = true, AgentHeartbeat? heartbeat = null) =>
        new(id, "plain", active, Heartbeat: heartbeat);

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    internal static AgentCommandResult Answer(string id, AgentCommand command, Guid instance, object? result = null) =>
        new(id, command.Name, Accepted: true, instance.ToString(), result is null ? null : Json(result));

    internal static AgentCommandResult Unknown(string id, AgentCommand command) =>
        new(id, command.Name, Accepted: false, $"unknown command '{command.Name}'");
}

/// <summary>A plain agent actor: the "plain" type.</summary>
public sealed class PlainAgent : ReceiveActor
{
    private readonly AgentDefinition _definition;
    private readonly IActorRef _probe;
    private readonly Guid _instance = Guid.NewGuid();

    public PlainAgent(AgentDefinition definition, IActorRef probe)
    {
        _definition = definition;
        _probe = probe;
        Receive<Beat>(_ => Context.Parent.Tell(new AgentHeartbeatSignal(_definition.Id, Context.System.TimeProvider.GetUtcNow())));
        Receive<AgentCommand>(command => command.Name == "fail", _ => throw new InvalidOperationException("told to fail"));
        Receive<AgentCommand>(command => command.Name == "hang", command =>
        {
            Timers.Cancel(Beat.Instance);
            Sender.Tell(TestAgents.Answer(_definition.Id, command, _instance));
        });
        Receive<AgentCommand>(command => command.Name == "echo", command =>
            Sender.Tell(TestAgents.Answer(_definition.Id, command, _instance, _definition.Settings)));
        Receive<AgentCommand>(command => Sender.Tell(TestAgents.Unknown(_definition.Id, command)));
    }

    protected override void PreStart()
    {
        var heartbeat = _definition.Heartbeat ?? AgentHeartbeat.Default;
        Timers.StartPeriodicTimer(Beat.Instance, Beat.Instance, heartbeat.Interval);
        Context.Parent.Tell(new AgentStarted(_definition.Id, Context.System.TimeProvider.GetUtcNow()));
        _probe.Tell(new AgentUp(_definition.Id, _instance));
    }

    protected override void PostStop() => _probe.Tell(new AgentDown(_definition.Id, _instance));

    private sealed class Beat
    {
        public static Beat Instance { get; } = new();
    }
}

/// <summary>A persistent agent actor: the "counting" type; its count is journaled under the agent's persistence id.</summary>
public sealed class CountingAgent : ReceivePersistentActor
{
    private readonly AgentDefinition _definition;
    private readonly IActorRef _probe;
    private readonly Guid _instance = Guid.NewGuid();
    private int _count;

    public CountingAgent(AgentDefinition definition, IActorRef probe)
    {
        _definition = definition;
        _probe = probe;
        Recover<AgentCounted>(counted => _count = counted.Count);
        Recover<RecoveryCompleted>(_ =>
        {
            Context.Parent.Tell(new AgentStarted(_definition.Id, Context.System.TimeProvider.GetUtcNow()));
            _probe.Tell(new AgentUp(_definition.Id, _instance, _count));
        });
        Command<AgentCommand>(_ => throw new InvalidOperationException("told to fail"), command => command.Name == "fail");
        Command<AgentCommand>(
            command => Persist(new AgentCounted(_count + 1), counted =>
            {
                _count = counted.Count;
                Sender.Tell(TestAgents.Answer(_definition.Id, command, _instance, _count));
            }),
            command => command.Name == "count");
        Command<AgentCommand>(command => Sender.Tell(TestAgents.Answer(_definition.Id, command, _instance, _count)), command => command.Name == "get");
        Command<AgentCommand>(command => Sender.Tell(TestAgents.Unknown(_definition.Id, command)));
    }

    public override string PersistenceId => AgentNames.PersistenceId(_definition.Id);

    protected override void PostStop() => _probe.Tell(new AgentDown(_definition.Id, _instance));
}
