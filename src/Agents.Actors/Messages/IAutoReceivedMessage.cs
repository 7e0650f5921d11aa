namespace Agents.Actors;

/// <summary>A message the runtime handles itself before the actor's behaviour sees anything.</summary>
internal interface IAutoReceivedMessage;
