using System.Text;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The server's log, <c>server.log</c> in the data directory: everything <c>postgres</c> writes, appended
/// across starts. Messages are in English (the server runs with <c>LC_ALL=C</c> and <c>initdb --locale=C</c>).
/// </summary>
internal sealed class ServerLog(string path)
{
    private const int TailLines = 20;
    private const int TailCharacters = 4000;

    /// <summary>The log file.</summary>
    public string Path { get; } = path;

    /// <summary>The current end of the log; a start's own lines begin there.</summary>
    public long End()
    {
        var file = new FileInfo(Path);
        return file.Exists ? file.Length : 0;
    }

    /// <summary>The last lines written since <paramref name="start"/>, indented, or a note that there are none.</summary>
    public string TailSince(long start)
    {
        string text;
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(start, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"    (the log cannot be read: {e.Message})";
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return "    (nothing was logged)";
        }

        var tail = string.Join('\n', lines.TakeLast(TailLines).Select(line => "    " + line));
        return tail.Length <= TailCharacters ? tail : "    ..." + tail[^TailCharacters..];
    }

    /// <summary>True when log text says the server could not listen on its port.</summary>
    public static bool IsBindFailure(string text) =>
        text.Contains("could not bind", StringComparison.Ordinal) || text.Contains("Address already in use", StringComparison.Ordinal);
}
