namespace Agents.Actors;

/// <summary>The handlers of one <see cref="ReceiveActor"/> behaviour, tried in the order they were declared.</summary>
internal sealed class ReceiveHandlerSet(ActorCell cell)
{
    private ReceiveHandler[] _handlers = [];
    private int _count;

    public void Add(ReceiveHandler handler)
    {
        if (_count == _handlers.Length)
        {
            Array.Resize(ref _handlers, _count == 0 ? 2 : _count * 2);
        }
        _handlers[_count++] = handler;
    }

    public bool TryHandle(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < _count; i++)
        {
            if (handlers[i].TryHandle(message, cell))
            {
                return true;
            }
        }
        return false;
    }
}
