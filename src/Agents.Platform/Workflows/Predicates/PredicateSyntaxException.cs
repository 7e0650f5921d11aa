namespace Agents.Platform.Workflows.Predicates;

/// <summary>
/// A workflow predicate (the <c>where</c> of a rule) does not parse. The message names the column (1-based) and what
/// was expected there, e.g. <c>column 12: expected a value after '&gt;'</c>.
/// </summary>
public sealed class PredicateSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="column">The 1-based column of the text where the problem is; one past the end when the text ended too soon.</param>
    /// <param name="reason">What was expected or what is wrong, without the column.</param>
    public PredicateSyntaxException(int column, string reason)
        : base($"column {column}: {reason}")
    {
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What was expected or what is wrong, without the column.</summary>
    public string Reason { get; }
}
