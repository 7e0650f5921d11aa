namespace Agents.EmbeddedPostgres.Tests;

/// <summary>
/// A temporary directory deleted with everything in it on dispose. Mode 0755 by default, so that when
/// the tests run as root the server user ('postgres') can pass through it to a data directory inside;
/// <see cref="SharedLikeTmp"/> (1777) also lets that user delete its own entries, as /tmp does.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public const UnixFileMode SharedLikeTmp = (UnixFileMode)0b1_111_111_111;

    public TempDirectory(UnixFileMode mode = (UnixFileMode)0b111_101_101)
    {
        Path = Directory.CreateTempSubdirectory("agents-pg-tests-").FullName;
        File.SetUnixFileMode(Path, mode);
    }

    public string Path { get; }

    public string Combine(params string[] names) => System.IO.Path.Combine([Path, .. names]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
