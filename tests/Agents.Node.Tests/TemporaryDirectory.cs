namespace Agents.Node.Tests;

/// <summary>A data directory for one test under the temporary directory, readable by the PostgreSQL server user; deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agents-node-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temporary directory's cleaner; the test's outcome does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
