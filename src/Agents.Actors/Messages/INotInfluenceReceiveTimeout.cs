namespace Agents.Actors;

/// <summary>Marks messages that do not count as activity for <see cref="IActorContext.SetReceiveTimeout"/> (for example heartbeats).</summary>
public interface INotInfluenceReceiveTimeout;
