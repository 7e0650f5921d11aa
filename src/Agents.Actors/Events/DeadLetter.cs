namespace Agents.Actors;

/// <summary>
/// A message that could not be delivered: its recipient had stopped, did not exist, or its mailbox
/// was full. Published on <see cref="ActorSystem.EventStream"/>, logged at a bounded rate and counted.
/// </summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender (<see cref="ActorSystem.DeadLetters"/> when it had none).</param>
/// <param name="Recipient">The ref it was sent to.</param>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);
