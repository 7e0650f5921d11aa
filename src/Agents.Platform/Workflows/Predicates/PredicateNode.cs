namespace Agents.Platform.Workflows.Predicates;

/// <summary>A node of a parsed predicate; evaluating the root decides whether a rule fires.</summary>
internal abstract class PredicateNode
{
    /// <summary>Whether the condition holds for one event.</summary>
    public abstract bool Evaluate(in PredicateScope scope);
}
