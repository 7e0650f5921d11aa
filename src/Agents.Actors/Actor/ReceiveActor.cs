namespace Agents.Actors;

/// <summary>
/// An actor that declares typed handlers in its constructor: <c>Receive&lt;Order&gt;(o =&gt; ...)</c>.
/// Handlers are tried in declaration order; the first whose type (and predicate) matches handles the
/// message. <see cref="Become(Action)"/> declares a new set of handlers.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    // The initial behaviour lives in the actor itself: most actors declare one handler, kept in _first
    // without an array; further handlers go to an exactly sized array (declared once, at construction).
    private ReceiveHandler? _first;
    private ReceiveHandler[]? _more;

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        var first = _first;
        if (first is null)
        {
            return false;
        }
        var cell = Cell;
        if (first.TryHandle(message, cell))
        {
            return true;
        }
        if (_more is { } more)
        {
            foreach (var handler in more)
            {
                if (handler.TryHandle(message, cell))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> (that match <paramref name="shouldHandle"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(shouldHandle is null ? new ActionHandler<T>(handler) : new FilteredActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new FilteredActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously. The actor takes no other message
    /// until the returned task completes; continuations run on the actor, so <see cref="ActorBase.Sender"/>
    /// and the actor's state are safe to use after <c>await</c>.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/> asynchronously.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles every message not handled by an earlier declaration.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AnyHandler(handler));
    }

    /// <summary>Handles every message not handled by an earlier declaration, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AnyAsyncHandler(handler));
    }

    /// <summary>Replaces the current behaviour with the handlers that <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => Cell.Become(Build(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> declares; <see cref="ActorBase.Unbecome"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Cell.BecomeStacked(Build(configure));

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var extras = Cell.Extras;
        var previous = extras.DeclaringBehavior;
        var set = new ReceiveHandlerSet(Cell);
        extras.DeclaringBehavior = set;
        try
        {
            configure();
        }
        finally
        {
            extras.DeclaringBehavior = previous;
        }
        return set.TryHandle;
    }

    private void Add(ReceiveHandler handler)
    {
        if (Cell.DeclaringBehavior is { } declaring)
        {
            declaring.Add(handler);
            return;
        }
        if (ReferenceEquals(Cell.Actor, this))
        {
            throw new InvalidOperationException(
                $"{GetType().Name} declared a handler after construction. Declare Receive handlers in the constructor, or inside Become(() => ...) to change behaviour.");
        }
        if (_first is null)
        {
            _first = handler;
        }
        else
        {
            var more = _more ?? [];
            Array.Resize(ref more, more.Length + 1);
            more[^1] = handler;
            _more = more;
        }
    }
}
