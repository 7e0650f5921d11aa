using Agents.Actors;
using Agents.Platform.Coordination;

namespace Agents.Platform.Agents;

public abstract partial class AgentBase
{
    private static readonly object s_heartbeatTimer = new HeartbeatTimerKey();

    /// <summary>
    /// The heartbeat comes from the actor's own timer through its mailbox: while a handler hangs, the timer's message
    /// waits behind it and no heartbeat leaves, which is what the coordinator watches for.
    /// </summary>
    private void StartHeartbeat()
    {
        var interval = (Definition.Heartbeat ?? AgentHeartbeat.Default).Interval;
        Timers.StartPeriodicTimer(s_heartbeatTimer, HeartbeatDue.Instance, interval);
    }

    private void SendHeartbeat() => Context.Parent.Tell(new AgentHeartbeatSignal(Id, Now), Self);

    /// <summary>The key of the heartbeat timer.</summary>
    private sealed record HeartbeatTimerKey;

    /// <summary>The heartbeat timer fired: send a heartbeat to the parent.</summary>
    private sealed class HeartbeatDue
    {
        private HeartbeatDue()
        {
        }

        public static HeartbeatDue Instance { get; } = new();
    }
}
