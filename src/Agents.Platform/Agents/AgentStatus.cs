namespace Agents.Platform.Agents;

/// <summary>Where an agent is in its life on the node, as the coordinator sees it.</summary>
public enum AgentStatus
{
    /// <summary>Defined but not active: a slot that can be activated later.</summary>
    Inactive,

    /// <summary>Activated; its actor is starting or recovering its state.</summary>
    Starting,

    /// <summary>Running and sending heartbeats.</summary>
    Running,

    /// <summary>Failed (or went silent) and waits for its backoff before it starts again.</summary>
    Restarting,

    /// <summary>Stopped after too many failures within the failure window; restart or re-activate it to run it again.</summary>
    Failed,
}
