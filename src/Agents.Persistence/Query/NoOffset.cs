namespace Agents.Persistence.Query;

/// <summary>The beginning of a stream: the query starts with the first event.</summary>
public sealed record NoOffset : Offset
{
    private NoOffset()
    {
    }

    /// <summary>The only instance.</summary>
    public static NoOffset Instance { get; } = new();
}
