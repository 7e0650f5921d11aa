using Agents.Actors;

namespace Agents.TestKit;

/// <summary>
/// A ref to an actor that runs on the calling thread: <c>Tell</c> returns after the message was
/// processed, so a unit test can look at <see cref="UnderlyingActor"/> right away. Created by
/// <see cref="ActorTestKit.ActorOfAsTestActorRef{T}(Props, string?)"/>. Equal to the actor's ordinary ref.
/// </summary>
/// <typeparam name="T">The actor type.</typeparam>
public sealed class TestActorRef<T> : IActorRef, IInternalActorRef where T : ActorBase
{
    private readonly LocalActorRef _inner;

    internal TestActorRef(LocalActorRef inner) => _inner = inner;

    /// <inheritdoc />
    public ActorPath Path => _inner.Path;

    /// <summary>The current actor instance (a new one after each restart).</summary>
    /// <exception cref="InvalidOperationException">The actor has stopped or failed to start.</exception>
    public T UnderlyingActor => _inner.Cell.Actor as T ?? throw new InvalidOperationException(
        $"{_inner.Path} has no {typeof(T).Name} instance: it stopped or failed to start.");

    /// <summary>The actor's ordinary ref.</summary>
    public IActorRef Ref => _inner;

    ActorSystem IInternalActorRef.System => _inner.System;

    bool IInternalActorRef.IsTerminated => _inner.IsTerminated;

    /// <summary>Processes <paramref name="message"/> on the calling thread before returning.</summary>
    public void Tell(object message, IActorRef? sender) => _inner.Tell(message, sender);

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => _inner.SendSystemMessage(message);

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => _inner.Equals(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _inner.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => _inner.ToString();
}
