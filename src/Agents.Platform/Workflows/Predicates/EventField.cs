namespace Agents.Platform.Workflows.Predicates;

/// <summary>A field of the event beside its payload: <c>$topic</c> or <c>$publisher</c>.</summary>
internal sealed class EventField : PredicateOperand
{
    private readonly bool _topic;

    private EventField(bool topic) => _topic = topic;

    /// <summary>The names of the event fields, for errors.</summary>
    public const string Names = "$topic or $publisher";

    /// <summary>The event field <paramref name="name"/>, or <see langword="null"/> when there is none by that name.</summary>
    public static EventField? Named(string name) => name switch
    {
        "topic" => new EventField(topic: true),
        "publisher" => new EventField(topic: false),
        _ => null,
    };

    /// <inheritdoc />
    public override PredicateValue Resolve(in PredicateScope scope) => PredicateValue.Of(_topic ? scope.Topic : scope.Publisher);
}
