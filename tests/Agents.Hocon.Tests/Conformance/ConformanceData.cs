namespace Agents.Hocon.Tests.Conformance;

/// <summary>
/// Locates the shared HOCON conformance data (<c>../shared/conformance/hocon</c> beside the repository
/// root, the directory holding Agents.sln) and lists its cases. The data is read where it lies, never copied.
/// </summary>
public static class ConformanceData
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ExpectedFolder { get; } =
        Path.GetFullPath(Path.Combine(RepositoryRoot ?? AppContext.BaseDirectory, "..", "shared", "conformance", "hocon"));

    public static string? Folder { get; } = Directory.Exists(ExpectedFolder) ? ExpectedFolder : null;

    /// <summary>Every case as a path relative to the data folder, e.g. <c>equiv01/comments.conf</c>.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var set in Directory.GetDirectories(Folder!, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(set).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetFileName(set) + "/" + name);
                }
            }
        }
        return data;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
