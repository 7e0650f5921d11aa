namespace Agents.Actors;

/// <summary>
/// A message an actor received but did not handle. Published on <see cref="ActorSystem.EventStream"/>,
/// logged at a bounded rate and counted.
/// </summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
