namespace Agents.Actors;

/// <summary>
/// Actors chosen by path rather than by ref: <c>/user/orders/*</c>, <c>../sibling</c>,
/// <c>agents://node/user/a</c>. The path is resolved each time a message is sent, so a selection also
/// reaches actors created after it. Elements may contain '*' and '?' wildcards. A message that
/// matches no live actor becomes a dead letter; an <see cref="Identify"/> is answered with an empty
/// <see cref="ActorIdentity"/>.
/// </summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly string[] _elements;

    private ActorSelection(ActorSystem system, IActorRef anchor, string[] elements, string path)
    {
        _system = system;
        Anchor = anchor;
        _elements = elements;
        PathString = path;
    }

    /// <summary>The ref relative paths start from (the root for absolute paths).</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    internal static ActorSelection Create(ActorSystem system, IActorRef relativeTo, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path;
        IActorRef anchor = relativeTo;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!ActorPath.TryParse(text, out var absolute))
            {
                throw new ArgumentException($"'{path}' is not a valid actor path; expected agents://system/user/name.", nameof(path));
            }
            if (!absolute.Address.Equals(system.Address))
            {
                return new ActorSelection(system, system.DeadLetters, [], path);
            }
            return new ActorSelection(system, system.RootCell.Self, [.. absolute.Elements], path);
        }
        if (text.StartsWith('/'))
        {
            anchor = system.RootCell.Self;
            text = text[1..];
        }
        var elements = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(e => e != ".").ToArray();
        return new ActorSelection(system, anchor, elements, path);
    }

    /// <summary>Sends <paramref name="message"/> to every live actor the path matches now.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var matches = Resolve();
        if (matches.Count == 0)
        {
            if (message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), _system.DeadLetters);
                return;
            }
            _system.DeadLetterOf(message, sender, _system.DeadLetters);
            return;
        }
        foreach (var match in matches)
        {
            match.Tell(message, sender);
        }
    }

    /// <summary>Returns the first live actor the path matches.</summary>
    /// <param name="timeout">How long a remote resolution may take; local resolution is immediate.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <exception cref="ActorNotFoundException">No live actor matches.</exception>
    public Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var matches = Resolve();
        return matches.Count > 0
            ? Task.FromResult(matches[0])
            : Task.FromException<IActorRef>(new ActorNotFoundException(
                $"No live actor matches the selection '{PathString}' from {Anchor.Path}; check the path, or that the actor was created and has not stopped."));
    }

    /// <summary>The live actors the path matches now.</summary>
    internal List<IActorRef> Resolve()
    {
        var result = new List<IActorRef>();
        if (Anchor is LocalActorRef start)
        {
            Walk(start, 0, result);
        }
        return result;
    }

    private void Walk(LocalActorRef current, int index, List<IActorRef> result)
    {
        if (index == _elements.Length)
        {
            if (!current.IsTerminated)
            {
                result.Add(current);
            }
            return;
        }
        var element = _elements[index];
        if (element == "..")
        {
            if (current.Cell.InternalParent is LocalActorRef parent)
            {
                Walk(parent, index + 1, result);
            }
            return;
        }
        if (Wildcard.HasWildcard(element))
        {
            foreach (var child in current.Cell.ChildrenMatching(element))
            {
                Walk(child, index + 1, result);
            }
            return;
        }
        if (index == _elements.Length - 1 && element == "deadLetters" && ReferenceEquals(current.Cell, _system.RootCell))
        {
            result.Add(_system.DeadLetters);
            return;
        }
        if (current.Cell.ChildByName(element) is { } next)
        {
            Walk(next, index + 1, result);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{Anchor.Path}/{string.Join('/', _elements)}]";
}
