using System.Text.Json;

namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// The condition of a workflow rule (its <c>where</c>), parsed once and evaluated for every event the rule sees.
/// </summary>
/// <remarks>
/// <para>
/// The language: field paths into the payload (<c>accuracy</c>, <c>metrics.val_loss</c>, <c>items[0].name</c>,
/// <c>labels["team.name"]</c>); the event fields <c>$topic</c> and <c>$publisher</c>; literals (numbers,
/// <c>'single'</c> or <c>"double"</c> quoted strings, <c>true</c>, <c>false</c>, <c>null</c>); comparisons
/// <c>== != &gt; &gt;= &lt; &lt;=</c> (<c>=</c> and <c>&lt;&gt;</c> are accepted too); <c>x in [a, b]</c> and
/// <c>x not in [a, b]</c>; <c>x contains y</c> (substring of a string, element of an array); <c>exists(path)</c>;
/// <c>and</c>, <c>or</c>, <c>not</c> (also <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>) and parentheses. A path alone is
/// a condition that holds when its value is <c>true</c>. Keywords ignore case; a field named like a keyword is written
/// <c>["in"]</c>.
/// </para>
/// <para>
/// A comparison with a field that is missing is false, whatever the operator (<c>!=</c> and <c>not in</c> too): test
/// presence with <c>exists(path)</c>. Values of different kinds are never equal, so <c>==</c> is false and
/// <c>!=</c> true; the orderings compare two numbers (as 64-bit floating point) or two strings (ordinally) and are
/// false for any other pair.
/// </para>
/// </remarks>
public sealed class WorkflowPredicate
{
    private readonly PredicateNode _root;

    private WorkflowPredicate(string text, PredicateNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The predicate as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="PredicateSyntaxException">The text is not a predicate; the message names the column and what was expected.</exception>
    public static WorkflowPredicate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new WorkflowPredicate(text, PredicateParser.Parse(text));
    }

    /// <summary>Whether the predicate holds for an event with <paramref name="payload"/>.</summary>
    /// <param name="payload">The event's payload as JSON.</param>
    /// <param name="topic">The event's topic, seen as <c>$topic</c>.</param>
    /// <param name="publisher">The event's publisher, seen as <c>$publisher</c>.</param>
    public bool Evaluate(JsonElement payload, string topic = "", string publisher = "") =>
        _root.Evaluate(new PredicateScope(payload, topic, publisher));

    /// <inheritdoc />
    public override string ToString() => Text;
}
