using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The running <see cref="WatchdogScript"/>: the one child process through which the server is
/// started and stopped. Closing its standard input stops the server; so does this process dying.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private static readonly TimeSpan ImmediateShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly TimeProvider _time;

    private Watchdog(Process process, TimeProvider time)
    {
        _process = process;
        _time = time;
        _output = ReadOutputAsync(process);

        // Both pipes close within milliseconds: the script sends its own output to the log file first thing.
        static async Task<string> ReadOutputAsync(Process process)
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            return (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Trim();
        }
    }

    /// <summary>The watchdog's process id; the postmaster is its child.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the watchdog, and so the server, has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit status: the server's, or 128 + signal when a signal ended it.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <c>postgres</c> with <paramref name="arguments"/> under a watchdog, as <paramref name="user"/>.
    /// A temporary data directory is deleted by the watchdog once a requested stop is done.
    /// </summary>
    public static Watchdog Start(
        ServerUser user, PostgresBinaries binaries, DataDirectory data, bool temporary, string socketDirectory,
        IEnumerable<string> arguments, TimeProvider time)
    {
        var start = user.StartInfo("/bin/sh",
        [
            "-c", WatchdogScript.Text, "agents-postgres-watchdog", data.Log.Path, socketDirectory,
            temporary ? data.Path : "", temporary ? data.PasswordFile : "", binaries.Postgres, .. arguments,
        ]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)
            ?? throw new PostgresLauncherException($"Could not start '{start.FileName}' to run the PostgreSQL server.");
        return new Watchdog(process, time);
    }

    /// <summary>What the watchdog itself printed before redirecting to the log (e.g. setpriv's errors).</summary>
    public async Task<string> OutputAsync() => await _output.ConfigureAwait(false);

    /// <summary>
    /// Asks the server for a fast shutdown by closing the pipe and waits for it to exit. After
    /// <paramref name="timeout"/> it sends the postmaster SIGQUIT (immediate shutdown), and after another
    /// ten seconds kills the server and the watchdog.
    /// </summary>
    public async Task StopAsync(int? postmasterProcessId, TimeSpan timeout, ILogger logger)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is already gone; so is the read end of the pipe.
        }

        if (await ExitsWithinAsync(timeout).ConfigureAwait(false))
        {
            return;
        }

        if (postmasterProcessId is { } postmaster)
        {
            logger.ImmediateShutdown(postmaster, timeout);
            LibC.Signal(postmaster, LibC.SigQuit);
            if (await ExitsWithinAsync(ImmediateShutdownTimeout).ConfigureAwait(false))
            {
                return;
            }

            LibC.Signal(postmaster, LibC.SigKill);
        }

        logger.Killing(_process.Id);
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    private async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(timeout, _time, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
