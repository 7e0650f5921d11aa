namespace Agents.Actors;

/// <summary>Well-known ref values.</summary>
public static class ActorRefs
{
    /// <summary>
    /// The sender of a message sent from outside any actor: <see langword="null"/>. The receiver sees
    /// <see cref="ActorSystem.DeadLetters"/> as its sender, so replies become dead letters.
    /// </summary>
    public static IActorRef? NoSender => null;
}
