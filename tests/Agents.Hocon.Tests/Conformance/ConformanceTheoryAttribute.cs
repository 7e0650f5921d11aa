namespace Agents.Hocon.Tests.Conformance;

/// <summary>
/// A theory over the shared conformance data that reports itself skipped, with the reason, when the
/// data is not beside the repository (a clone without ../shared). A skipped theory does not enumerate its data.
/// </summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceData.Folder is null)
        {
            Skip = $"HOCON conformance data not found at {ConformanceData.ExpectedFolder}; it is the shared folder beside the repository (../shared/conformance/hocon)";
        }
    }
}
