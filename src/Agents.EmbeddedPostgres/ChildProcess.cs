using System.Diagnostics;

namespace Agents.EmbeddedPostgres;

/// <summary>Runs a short-lived command (initdb, a permission check) to completion.</summary>
internal static class ChildProcess
{
    /// <summary>Runs the command and returns its exit code and its standard output followed by its standard error.</summary>
    /// <remarks>Cancellation kills the command.</remarks>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)
            ?? throw new PostgresLauncherException($"Could not start '{start.FileName}'.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Trim());
    }
}
