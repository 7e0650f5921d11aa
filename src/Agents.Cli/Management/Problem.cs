namespace Agents.Cli.Management;

/// <summary>The fields of an RFC 9457 problem-details body the console shows.</summary>
/// <param name="Title">The short summary, e.g. <c>No such actor</c>.</param>
/// <param name="Detail">The explanation of this occurrence, often with the fix.</param>
/// <param name="Status">The HTTP status code repeated in the body.</param>
internal sealed record Problem(string? Title, string? Detail, int? Status)
{
    /// <summary>The detail, else the title, else null.</summary>
    public string? Reason => !string.IsNullOrWhiteSpace(Detail) ? Detail : !string.IsNullOrWhiteSpace(Title) ? Title : null;
}
