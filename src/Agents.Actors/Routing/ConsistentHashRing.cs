using System.Collections.Immutable;

namespace Agents.Actors.Routing;

/// <summary>
/// A hash ring: every routee owns <c>virtualNodesFactor</c> points on a 32-bit circle, and a key belongs
/// to the routee owning the first point at or after the key's hash (wrapping around). Adding a routee
/// only takes over the arcs in front of its new points, so about 1/n of the keys move, all of them to
/// the new routee; removing one hands its arcs to its neighbours. Immutable; built when the routees change.
/// </summary>
/// <remarks>
/// A routee's points are derived from its path (<see cref="IdentityOf"/>), not from its position in the
/// list, so the ring is the same whatever order the routees are in, in every process.
/// </remarks>
internal sealed class ConsistentHashRing
{
    private readonly uint[] _points;
    private readonly Routee[] _owners;

    public ConsistentHashRing(ImmutableArray<Routee> routees, int virtualNodesFactor)
    {
        var entries = new List<(uint Point, string Identity, Routee Owner)>(routees.Length * virtualNodesFactor);
        foreach (var routee in routees)
        {
            var identity = IdentityOf(routee);
            for (var node = 0; node < virtualNodesFactor; node++)
            {
                entries.Add((ConsistentHashKey.HashOf(identity, (uint)node), identity, routee));
            }
        }
        // Ties between points (rare) go to the smaller identity, so the ring does not depend on input order.
        entries.Sort(static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : string.CompareOrdinal(a.Identity, b.Identity));
        var points = new List<uint>(entries.Count);
        var owners = new List<Routee>(entries.Count);
        foreach (var (point, _, owner) in entries)
        {
            if (points.Count > 0 && points[^1] == point)
            {
                continue;
            }
            points.Add(point);
            owners.Add(owner);
        }
        _points = [.. points];
        _owners = [.. owners];
    }

    /// <summary>The routee owning <paramref name="hash"/>.</summary>
    public Routee OwnerOf(uint hash)
    {
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
            if (index == _points.Length)
            {
                index = 0;
            }
        }
        return _owners[index];
    }

    /// <summary>The text a routee's points are hashed from: its actor path, with the address.</summary>
    internal static string IdentityOf(Routee routee) => routee switch
    {
        ActorRefRoutee actor => actor.Actor.Path.ToString(),
        ActorSelectionRoutee selection => $"{selection.Selection.Anchor.Path}/{selection.Selection.PathString}",
        _ => routee.ToString() ?? string.Empty,
    };
}
