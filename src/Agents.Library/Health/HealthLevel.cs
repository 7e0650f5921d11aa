namespace Agents.Library.Health;

/// <summary>How bad an agent's health is, from its score and status; each level but <see cref="Healthy"/> has an alert topic.</summary>
public enum HealthLevel
{
    /// <summary>At or above the info threshold: no alert.</summary>
    Healthy,

    /// <summary>Below the info threshold: published on <c>alert.info</c>.</summary>
    Info,

    /// <summary>Below the warning threshold: published on <c>alert.warning</c>.</summary>
    Warning,

    /// <summary>Below the critical threshold: published on <c>alert.critical</c>.</summary>
    Critical,

    /// <summary>Below the emergency threshold, or the agent's status is failed: published on <c>alert.emergency</c>.</summary>
    Emergency,
}
