using System.Text;

namespace Agents.Actors;

/// <summary>
/// The logical location of an actor: an address followed by the names of the actors from the root
/// guardian down, for example <c>agents://orders/user/checkout/payment</c>. A path also carries the
/// uid of the incarnation it was taken from; two paths are equal when address and names match,
/// whatever their uids (refs compare uids, paths do not).
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>The uid of a path that was not taken from a live actor (for example, parsed from text).</summary>
    public const int UndefinedUid = 0;

    private protected ActorPath()
    {
    }

    /// <summary>The address of the actor system this path belongs to.</summary>
    public abstract ActorAddress Address { get; }

    /// <summary>The last element of the path; empty for the root.</summary>
    public abstract string Name { get; }

    /// <summary>The path of the parent, or <see langword="null"/> for the root.</summary>
    public abstract ActorPath? Parent { get; }

    /// <summary>The root of this path (the path of the root guardian).</summary>
    public abstract ActorPath Root { get; }

    /// <summary>The uid of the actor incarnation this path was taken from, or <see cref="UndefinedUid"/>.</summary>
    public abstract int Uid { get; }

    /// <summary>The number of elements below the root: 0 for the root, 1 for <c>/user</c>.</summary>
    public int Depth
    {
        get
        {
            var depth = 0;
            for (var p = Parent; p is not null; p = p.Parent)
            {
                depth++;
            }
            return depth;
        }
    }

    /// <summary>The names from the root down, without the root itself: <c>["user", "a", "b"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var i = elements.Length - 1;
            for (ActorPath? p = this; p?.Parent is not null; p = p.Parent)
            {
                elements[i--] = p.Name;
            }
            return elements;
        }
    }

    /// <summary>Creates the path of a child with the given name (uid undefined).</summary>
    /// <exception cref="ArgumentException">The name is empty or contains '/'.</exception>
    public ActorPath Child(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/'))
        {
            throw new ArgumentException($"Path element '{name}' contains '/'; append one element at a time.", nameof(name));
        }
        return new ChildActorPath(this, name, UndefinedUid);
    }

    /// <summary>Creates the path of a child with the given name: <c>path / "child"</c>.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>Returns this path carrying another uid.</summary>
    public abstract ActorPath WithUid(int uid);

    /// <summary>The path without address: <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }
        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    /// <summary>The full path with the incarnation uid: <c>agents://sys/user/a#1234</c>.</summary>
    public string ToStringWithUid() => Uid == UndefinedUid ? ToString() : $"{this}#{Uid}";

    /// <summary>The full path: <c>agents://sys/user/a</c>.</summary>
    public override string ToString() => ToStringCore();

    private protected virtual string ToStringCore()
    {
        var builder = new StringBuilder(64);
        builder.Append(Address.ToString());
        if (Parent is null)
        {
            builder.Append('/');
        }
        else
        {
            AppendElements(builder);
        }
        return builder.ToString();
    }

    private void AppendElements(StringBuilder builder)
    {
        if (Parent is null)
        {
            return;
        }
        Parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }

    /// <summary>Equality by address and elements; the uid is ignored.</summary>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null)
        {
            return false;
        }
        ActorPath? a = this;
        ActorPath? b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }
            if (a.Parent is null || b.Parent is null)
            {
                return a.Parent is null && b.Parent is null && a.Address.Equals(b.Address);
            }
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }
            a = a.Parent;
            b = b.Parent;
        }
        return false;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ComputeHashCode();

    private protected abstract int ComputeHashCode();

    /// <summary>Orders paths by their string form, so sorted lists of refs are stable.</summary>
    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    /// <summary>Equality operator, by address and elements.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator, by address and elements.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);

    /// <summary>Less-than by string form.</summary>
    public static bool operator <(ActorPath left, ActorPath right) => left.CompareTo(right) < 0;

    /// <summary>Greater-than by string form.</summary>
    public static bool operator >(ActorPath left, ActorPath right) => left.CompareTo(right) > 0;

    /// <summary>Less-or-equal by string form.</summary>
    public static bool operator <=(ActorPath left, ActorPath right) => left.CompareTo(right) <= 0;

    /// <summary>Greater-or-equal by string form.</summary>
    public static bool operator >=(ActorPath left, ActorPath right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Parses an absolute path such as <c>agents://sys/user/a</c>, <c>agents://sys@host:2552/user/a</c>
    /// or <c>agents://sys/user/a#1234</c>.
    /// </summary>
    /// <returns><see langword="false"/> when the text is not an absolute actor path.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActorPath? path)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }
        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var uid = UndefinedUid;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!int.TryParse(rest.AsSpan(hash + 1), out uid))
            {
                return false;
            }
            rest = rest[..hash];
        }
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var elements = slash < 0 ? "" : rest[(slash + 1)..];
        if (authority.Length == 0)
        {
            return false;
        }
        string system;
        string? host = null;
        int? port = null;
        var at = authority.IndexOf('@');
        if (at < 0)
        {
            system = authority;
        }
        else
        {
            system = authority[..at];
            var hostPort = authority[(at + 1)..];
            var colon = hostPort.LastIndexOf(':');
            if (colon > 0 && int.TryParse(hostPort.AsSpan(colon + 1), out var p))
            {
                host = hostPort[..colon];
                port = p;
            }
            else
            {
                host = hostPort;
            }
        }
        if (system.Length == 0)
        {
            return false;
        }
        ActorPath result = new RootActorPath(new ActorAddress(protocol, system, host, port));
        foreach (var element in elements.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            result = new ChildActorPath(result, element, UndefinedUid);
        }
        path = uid == UndefinedUid ? result : result.WithUid(uid);
        return true;
    }

    /// <summary>Parses an absolute path; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not an absolute actor path.</exception>
    public static ActorPath Parse(string text) =>
        TryParse(text, out var path)
            ? path
            : throw new FormatException(
                $"'{text}' is not an absolute actor path; expected 'agents://system/user/name' or 'agents://system@host:port/user/name'.");
}
