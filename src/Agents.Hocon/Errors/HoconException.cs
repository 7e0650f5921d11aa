namespace Agents.Hocon;

/// <summary>
/// A HOCON document could not be parsed or resolved, or a value could not be read as asked. The
/// message always starts with <c>file:line:column:</c> and says what was expected.
/// </summary>
public class HoconException : Exception
{
    /// <summary>Creates an exception located at <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the problem is.</param>
    /// <param name="reason">What is wrong and how to fix it, without the location prefix.</param>
    /// <param name="inner">The underlying cause, if any.</param>
    public HoconException(HoconOrigin origin, string reason, Exception? inner = null)
        : base($"{origin.Description}:{origin.Line}:{origin.Column}: {reason}", inner)
    {
        File = origin.Description;
        Line = origin.Line;
        Column = origin.Column;
        Reason = reason;
    }

    /// <summary>The file (or description of the text) where the problem is.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The message without the <c>file:line:column:</c> prefix.</summary>
    public string Reason { get; }
}
