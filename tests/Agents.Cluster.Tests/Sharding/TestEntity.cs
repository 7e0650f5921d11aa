using Agents.Actors;
using Agents.Cluster.Sharding;

namespace Agents.Cluster.Tests.Sharding;

/// <summary>What a test entity reports to its probe when an incarnation starts.</summary>
public sealed record EntityUp(string EntityId, IActorRef Entity);

/// <summary>What a test entity reports to its probe when it stops.</summary>
public sealed record EntityDown(string EntityId);

/// <summary>A test entity's answer to a message: who answered and what it got.</summary>
public sealed record Echo(string EntityId, object Message, IActorRef Entity, Guid Instance);

/// <summary>
/// The entity of the sharding tests. It reports starts and stops to a probe and echoes every message to its
/// sender, except the commands: "fail" throws, "stop" stops it, "passivate" asks the shard to passivate it with
/// "finish", on which it reports "finishing" and waits for "stop" (sent to its ref directly).
/// </summary>
public sealed class TestEntity : ReceiveActor
{
    private readonly string _entityId;
    private readonly IActorRef _probe;
    private readonly Guid _instance = Guid.NewGuid();

    public TestEntity(string entityId, IActorRef probe)
    {
        _entityId = entityId;
        _probe = probe;
        Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("test failure"));
        Receive<string>(s => s == "stop", _ => Context.Stop(Self));
        Receive<string>(s => s == "passivate", _ => Context.Parent.Tell(new Passivate("finish")));
        Receive<string>(s => s == "finish", _ => _probe.Tell("finishing", Self));
        ReceiveAny(message => Sender.Tell(new Echo(_entityId, message, Self, _instance), Self));
    }

    public static Func<string, Props> PropsFor(IActorRef probe) => id => Props.Create(() => new TestEntity(id, probe));

    protected override void PreStart() => _probe.Tell(new EntityUp(_entityId, Self), Self);

    protected override void PostStop() => _probe.Tell(new EntityDown(_entityId), Self);
}
