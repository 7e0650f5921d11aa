using System.Collections;

namespace Agents.Actors;

/// <summary>The scope state of an actor's log entries: one property, <c>ActorPath</c>.</summary>
internal sealed class ActorLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The name of the scope property holding the path.</summary>
    public const string PropertyName = "ActorPath";

    private readonly ActorPath _path;

    internal ActorLogScope(ActorPath path) => _path = path;

    /// <summary>The path of the actor that wrote the entry.</summary>
    public ActorPath Path => _path;

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, _path.ToString()) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{PropertyName}:{_path}";
}
