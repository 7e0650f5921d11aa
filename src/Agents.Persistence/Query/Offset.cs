namespace Agents.Persistence.Query;

/// <summary>
/// A position in an event stream returned by a query (Akka.NET's <c>Offset</c>). Store the offset of the last
/// event you processed and pass it back to resume right after it.
/// </summary>
public abstract record Offset
{
    private protected Offset()
    {
    }

    /// <summary>The beginning of the stream.</summary>
    public static NoOffset NoOffset => NoOffset.Instance;

    /// <summary>A position given by a store-assigned number; a query resumes after it (exclusive).</summary>
    public static Sequence Sequence(long value) => new(value);
}
