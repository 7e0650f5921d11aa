namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// <c>left OP right</c>. False when either side is missing (also for <c>!=</c>). <c>==</c> holds for the same kind and
/// value, <c>!=</c> for two present values that are not equal (a type mismatch is not equal); <c>&gt;</c>,
/// <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c> order two numbers or two strings and are false for any other pair.
/// </summary>
internal sealed class ComparisonNode(PredicateOperand left, ComparisonOperator op, PredicateOperand right) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope)
    {
        var l = left.Resolve(scope);
        if (l.IsMissing)
        {
            return false;
        }

        var r = right.Resolve(scope);
        if (r.IsMissing)
        {
            return false;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                return PredicateValue.AreEqual(l, r);
            case ComparisonOperator.NotEqual:
                return !PredicateValue.AreEqual(l, r);
        }

        if (!PredicateValue.TryCompare(l, r, out var order))
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Greater => order > 0,
            ComparisonOperator.GreaterOrEqual => order >= 0,
            ComparisonOperator.Less => order < 0,
            _ => order <= 0,
        };
    }
}
