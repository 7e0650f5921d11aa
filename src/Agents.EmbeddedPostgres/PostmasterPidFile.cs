using System.Globalization;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The server's lock file <c>postmaster.pid</c> in the data directory. Line 1 is the postmaster's
/// process id; line 8 its status, <c>ready</c> once it accepts connections (PostgreSQL 10 and later;
/// <c>pg_ctl start</c> waits on the same line).
/// </summary>
internal static class PostmasterPidFile
{
    private const int ProcessIdLine = 0;
    private const int StatusLine = 7;

    /// <summary>The process id and status it names, or null when it is absent or still being written.</summary>
    public static (int ProcessId, string Status)? Read(string dataDirectory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(dataDirectory, "postmaster.pid"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length <= ProcessIdLine
            || !int.TryParse(lines[ProcessIdLine], NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return null;
        }

        return (processId, lines.Length > StatusLine ? lines[StatusLine].Trim() : "");
    }
}
