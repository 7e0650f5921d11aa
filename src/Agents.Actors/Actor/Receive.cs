namespace Agents.Actors;

/// <summary>
/// A behaviour: handles one message and returns whether it did. An unhandled message goes to
/// <see cref="ActorBase.Unhandled"/>.
/// </summary>
/// <param name="message">The message being processed.</param>
/// <returns><see langword="true"/> when the message was handled.</returns>
public delegate bool Receive(object message);
