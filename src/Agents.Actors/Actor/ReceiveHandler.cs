namespace Agents.Actors;

/// <summary>One entry of a <see cref="ReceiveActor"/> behaviour: a message type, an optional filter and a handler.</summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message, ActorCell cell);
}

internal sealed class ActionHandler<T>(Action<T> handler) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is T typed)
        {
            handler(typed);
            return true;
        }
        return false;
    }
}

internal sealed class FilteredActionHandler<T>(Action<T> handler, Predicate<T> shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is T typed && shouldHandle(typed))
        {
            handler(typed);
            return true;
        }
        return false;
    }
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            cell.RunAsync(handler, typed);
            return true;
        }
        return false;
    }
}

internal sealed class AnyHandler(Action<object> handler) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        handler(message);
        return true;
    }
}

internal sealed class AnyAsyncHandler(Func<object, Task> handler) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        cell.RunAsync(handler, message);
        return true;
    }
}
