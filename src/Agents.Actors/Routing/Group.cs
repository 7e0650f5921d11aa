using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// A router over actors that already exist, named by absolute paths (<c>/user/workers/w1</c>,
/// <c>agents://node/user/w1</c>; wildcards allowed). Each path is resolved through an
/// <see cref="ActorSelection"/> when the router starts: every live actor it matches becomes a watched
/// routee (removed when it stops; the router stops when none is left), and a path that matches nothing
/// yet stays a selection resolved on each message. The router never stops the group's actors.
/// </summary>
public abstract record Group : RouterConfig
{
    /// <summary>Creates a group.</summary>
    /// <param name="paths">The absolute paths of the routees; at least one.</param>
    /// <exception cref="ArgumentException">There is no path, or a path is empty or not absolute.</exception>
    protected Group(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException($"A {GetType().Name} needs at least one routee path, such as \"/user/workers/w1\".", nameof(paths));
        }
        foreach (var path in list)
        {
            if (string.IsNullOrWhiteSpace(path) || !(path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"The routee path '{path}' of a {GetType().Name} is not absolute; give paths like \"/user/workers/w1\" or \"agents://system/user/w1\" (an actor's ref.Path.ToString() works).",
                    nameof(paths));
            }
        }
        Paths = list;
    }

    /// <summary>The absolute paths of the routees.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Props that create this group's router (a group has no routee props).</summary>
    public Actors.Props Props() => Actors.Props.Create(static () => new RouterActor()).WithRouter(this);

    internal override IEnumerable<Routee> CreateRoutees(ActorCell router)
    {
        var routees = new List<Routee>();
        foreach (var path in Paths)
        {
            var selection = router.ActorSelection(path);
            var matches = selection.Resolve();
            if (matches.Count == 0)
            {
                routees.Add(new ActorSelectionRoutee(selection));
                continue;
            }
            foreach (var match in matches)
            {
                var routee = new ActorRefRoutee(match);
                if (!routees.Contains(routee))
                {
                    routees.Add(routee);
                }
            }
        }
        return routees;
    }
}
