namespace Agents.Actors;

/// <summary>
/// An actor with one handler for every message. Call <see cref="ActorBase.Unhandled"/> for messages it
/// does not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }
}
