namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// <c>value in [a, b, ...]</c>: holds when the value equals one of the items. <c>value not in [...]</c> holds when it
/// equals none. Both are false when the value is missing.
/// </summary>
internal sealed class InNode(PredicateOperand value, IReadOnlyList<PredicateOperand> items, bool negated) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope)
    {
        var v = value.Resolve(scope);
        if (v.IsMissing)
        {
            return false;
        }

        foreach (var item in items)
        {
            var candidate = item.Resolve(scope);
            if (!candidate.IsMissing && PredicateValue.AreEqual(v, candidate))
            {
                return !negated;
            }
        }

        return negated;
    }
}
