using Agents.Actors;

namespace Agents.Persistence.Actors;

/// <summary>
/// A persistent actor that declares typed handlers in its constructor (Akka.NET's <c>ReceivePersistentActor</c>):
/// <c>Recover&lt;ItemAdded&gt;(e =&gt; ...)</c> rebuilds state from stored events, <c>Command&lt;AddItem&gt;(c =&gt;
/// Persist(new ItemAdded(...), e =&gt; ...))</c> handles commands. Handlers are tried in declaration order.
/// </summary>
/// <remarks>
/// Change the command handlers with <see cref="Become(Action)"/>, not with <c>Context.Become</c>, which would bypass
/// persistence.
/// </remarks>
public abstract class ReceivePersistentActor : PersistentActorBase
{
    private readonly List<Func<object, bool>> _recover = [];
    private readonly List<Func<object, bool>> _commands = [];
    private List<Func<object, bool>>? _declaring;

    /// <summary>Handles replayed events (and <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (IsConstructed)
        {
            throw DeclaredLate("Recover");
        }

        _recover.Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        });
    }

    /// <summary>Handles every recovery message not handled by an earlier declaration.</summary>
    protected void RecoverAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Recover(handler);
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> (that match <paramref name="shouldHandle"/>, if given).</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddCommand(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        });
    }

    /// <summary>
    /// Handles commands of type <typeparamref name="T"/> asynchronously: no other command is processed until the
    /// task completes and the handlers of the events it persisted ran. Pairs with
    /// <see cref="PersistentActorBase.PersistAndWaitAsync{TEvent}"/>.
    /// </summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddCommand(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                RunCommand(handler, typed);
                return true;
            }

            return false;
        });
    }

    /// <summary>Handles every command not handled by an earlier declaration.</summary>
    protected void CommandAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Command(handler);
    }

    /// <summary>Replaces the command handlers with those <paramref name="configure"/> declares; recovery handlers stay.</summary>
    protected void Become(Action configure) => Become(Declare(configure));

    /// <summary>Pushes the command handlers <paramref name="configure"/> declares; <see cref="PersistentActorBase.Unbecome"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Declare(configure));

    /// <inheritdoc />
    protected sealed override bool ReceiveRecover(object message)
    {
        foreach (var handler in _recover)
        {
            if (handler(message))
            {
                return true;
            }
        }

        return message is RecoveryCompleted or SnapshotOffer;
    }

    /// <inheritdoc />
    protected sealed override bool ReceiveCommand(object message)
    {
        foreach (var handler in _commands)
        {
            if (handler(message))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsConstructed => ReferenceEquals(Cell.Actor, this);

    private void AddCommand(Func<object, bool> handler)
    {
        if (_declaring is { } declaring)
        {
            declaring.Add(handler);
            return;
        }

        if (IsConstructed)
        {
            throw DeclaredLate("Command");
        }

        _commands.Add(handler);
    }

    private Receive Declare(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _declaring;
        var handlers = new List<Func<object, bool>>();
        _declaring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _declaring = previous;
        }

        return message =>
        {
            foreach (var handler in handlers)
            {
                if (handler(message))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private InvalidOperationException DeclaredLate(string kind) =>
        new($"{GetType().Name} declared a {kind} handler after construction. Declare handlers in the constructor, or " +
            "command handlers inside Become(() => ...) to change behaviour.");
}
