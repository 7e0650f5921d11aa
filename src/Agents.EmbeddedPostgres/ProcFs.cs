using System.Globalization;

namespace Agents.EmbeddedPostgres;

/// <summary>What Linux's <c>/proc</c> tells about another process.</summary>
internal static class ProcFs
{
    /// <summary>
    /// True while the process exists and has not exited. A zombie (exited, not yet reaped by its
    /// parent) counts as gone: it holds no port, no files and no shared memory.
    /// </summary>
    public static bool IsRunning(int processId) => State(processId) is { } state && state != 'Z' && state != 'X';

    /// <summary>The parent process id, or null when the process is gone.</summary>
    public static int? ParentOf(int processId) =>
        StatFields(processId) is { } fields && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            ? parent
            : null;

    /// <summary>The process's command name (<c>comm</c>), or null when it is gone.</summary>
    public static string? CommandName(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static char? State(int processId) => StatFields(processId) is { } fields && fields[0].Length == 1 ? fields[0][0] : null;

    /// <summary>The fields of <c>/proc/PID/stat</c> after the command name, starting with the state.</summary>
    private static string[]? StatFields(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name is in parentheses and may itself hold spaces and parentheses.
        var end = stat.LastIndexOf(')');
        return end < 0 ? null : stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
