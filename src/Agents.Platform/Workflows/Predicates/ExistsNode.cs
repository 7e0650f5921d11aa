namespace Agents.Platform.Workflows.Predicates;

/// <summary><c>exists(path)</c>: holds when the path finds a value in the payload, JSON <c>null</c> included.</summary>
internal sealed class ExistsNode(FieldPath path) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope) => path.TryFind(scope.Payload, out _);
}
