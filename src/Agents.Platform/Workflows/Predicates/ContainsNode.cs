namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// <c>whole contains part</c>: a string that contains a substring (ordinal), or an array with an element equal to the
/// part. False for anything else and when either side is missing.
/// </summary>
internal sealed class ContainsNode(PredicateOperand whole, PredicateOperand part) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope)
    {
        var w = whole.Resolve(scope);
        if (w.IsMissing)
        {
            return false;
        }

        var p = part.Resolve(scope);
        return !p.IsMissing && w.Contains(p);
    }
}
