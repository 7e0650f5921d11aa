namespace Agents.Platform.Workflows.Predicates;

/// <summary>One side of a comparison: a literal, a field path into the payload or an event field.</summary>
internal abstract class PredicateOperand
{
    /// <summary>The value of this operand for one event; <see cref="PredicateValue.Missing"/> when a path finds nothing.</summary>
    public abstract PredicateValue Resolve(in PredicateScope scope);

    /// <summary>Whether the operand can stand alone as a condition (a path or <c>true</c>/<c>false</c>, not a number or string).</summary>
    public virtual bool CanBeCondition => true;
}
