namespace Agents.EmbeddedPostgres;

/// <summary>
/// The <c>/bin/sh</c> script that runs <c>postgres</c> and stops it when this process goes away, even
/// by SIGKILL. Its standard input is a pipe whose only write end this process holds (.NET opens it
/// close-on-exec, so no other child inherits it). When this process closes the pipe or dies, the
/// kernel closes the write end, the reader sees end of file and asks the server for a fast shutdown.
/// </summary>
/// <remarks>
/// Written for POSIX sh and checked with dash, Debian's /bin/sh. Arguments:
/// <c>sh -c SCRIPT watchdog LOG_FILE SOCKET_DIRECTORY TEMPORARY_DATA TEMPORARY_PASSWORD POSTGRES_PATH POSTGRES_ARGUMENTS...</c>;
/// the two temporary paths are empty unless the server is temporary.
/// <list type="bullet">
/// <item>The watchdog ignores HUP, INT, QUIT and TERM: a Ctrl-C in a terminal or a hang-up reaches the
/// whole process group, and the owner, not the signal, decides when the server stops (a node flushes
/// its journal first). Only end of file on the pipe, the server's exit or SIGKILL end it.</item>
/// <item><c>exec 3&lt;&amp;0</c> keeps the pipe: a non-interactive sh gives an asynchronous list
/// /dev/null as standard input.</item>
/// <item><c>setsid</c> (util-linux; it execs in place, so <c>$!</c> is the postmaster) gives the server
/// its own session, out of reach of the terminal's signals. Without setsid the server runs as is.</item>
/// <item>An asynchronous list starts with SIGINT ignored; the postmaster installs its handler within
/// milliseconds of starting, so a SIGINT sent before that is lost. The reader therefore repeats it
/// until the server is gone (<c>sleep 0.1</c> where sleep takes fractions, else one second).</item>
/// <item>The server's output and the script's own errors go to the log file, appended.</item>
/// <item>After the server exits, the socket directory is removed, and for a temporary server the data
/// directory and password file too, but only when the stop was asked for (the reader leaves a mark
/// before it signals): a server that exits by itself, e.g. because its port was taken, keeps its data
/// for the launcher's next attempt.</item>
/// </list>
/// </remarks>
internal static class WatchdogScript
{
    public const string Text = """
        trap '' HUP INT QUIT TERM
        exec 3<&0 </dev/null
        log=$1 sockets=$2 temporary_data=$3 temporary_password=$4
        shift 4
        exec >>"$log" 2>&1
        if command -v setsid >/dev/null 2>&1; then
          setsid "$@" 3<&- &
        else
          "$@" 3<&- &
        fi
        server=$!
        (
          while read -r line <&3; do :; done
          : >"$sockets/stop-requested"
          while kill -INT "$server" 2>/dev/null; do sleep 0.1 2>/dev/null || sleep 1; done
        ) &
        reader=$!
        exec 3<&-
        wait "$server"
        status=$?
        kill -KILL "$reader" 2>/dev/null
        if [ -n "$temporary_data" ] && [ -e "$sockets/stop-requested" ]; then
          rm -rf -- "$temporary_data" "$temporary_password"
        fi
        rm -rf -- "$sockets"
        exit "$status"
        """;
}
