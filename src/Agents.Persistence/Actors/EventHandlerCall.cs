namespace Agents.Persistence.Actors;

/// <summary>
/// A user's typed event handler, kept as it was given and called through an invoker cached per event type, so that
/// each <c>Persist</c> call stores its handler without allocating a wrapper closure. Default: no handler.
/// </summary>
internal readonly struct EventHandlerCall
{
    private readonly Delegate? _handler;
    private readonly Action<Delegate, object>? _invoke;

    private EventHandlerCall(Delegate handler, Action<Delegate, object> invoke)
    {
        _handler = handler;
        _invoke = invoke;
    }

    /// <summary>The call of <paramref name="handler"/> for events of type <typeparamref name="TEvent"/>.</summary>
    public static EventHandlerCall Of<TEvent>(Action<TEvent> handler) => new(handler, Invoker<TEvent>.Instance);

    /// <summary>Calls the handler with <paramref name="event"/>; nothing for the default value.</summary>
    public void Invoke(object @event)
    {
        if (_handler is not null)
        {
            _invoke!(_handler, @event);
        }
    }

    private static class Invoker<TEvent>
    {
        public static readonly Action<Delegate, object> Instance =
            static (handler, @event) => ((Action<TEvent>)handler)((TEvent)@event);
    }
}
