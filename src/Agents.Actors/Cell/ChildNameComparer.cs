namespace Agents.Actors;

/// <summary>
/// Compares children by name, and lets a set of children be searched by a name string without
/// building a ref: the children of a parent are a <see cref="HashSet{T}"/> of refs rather than a
/// dictionary from name to ref, which saves a key per child.
/// </summary>
internal sealed class ChildNameComparer : IEqualityComparer<LocalActorRef>, IAlternateEqualityComparer<string, LocalActorRef>
{
    public static ChildNameComparer Instance { get; } = new();

    public bool Equals(LocalActorRef? x, LocalActorRef? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(x.Path.Name, y.Path.Name, StringComparison.Ordinal));

    public int GetHashCode(LocalActorRef obj) => StringComparer.Ordinal.GetHashCode(obj.Path.Name);

    public bool Equals(string alternate, LocalActorRef other) => string.Equals(alternate, other.Path.Name, StringComparison.Ordinal);

    public int GetHashCode(string alternate) => StringComparer.Ordinal.GetHashCode(alternate);

    public LocalActorRef Create(string alternate) =>
        throw new NotSupportedException("Children are added as refs; a name alone cannot create one.");
}
