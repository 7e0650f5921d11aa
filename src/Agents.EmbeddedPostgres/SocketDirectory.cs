using System.Security.Cryptography;
using System.Text;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The server's private Unix-socket directory: a new temporary directory with mode 0700 owned by the
/// server user, so no other user can connect through it and the server never collides with the
/// system's <c>/var/run/postgresql</c>. Its path is kept short: a socket path
/// (<c>DIR/.s.PGSQL.PORT</c>, and the lock file beside it) must fit Linux's 107 bytes.
/// </summary>
internal static class SocketDirectory
{
    private const int MaxSocketPathBytes = 107;
    private const string LongestEntry = "/.s.PGSQL.65535.lock";

    /// <summary>Creates the directory under the temporary directory, or under /tmp when that path is too long or not the server user's.</summary>
    public static string Create(ServerUser user)
    {
        var parent = Path.GetTempPath();
        var name = "agents-pg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        if (user.IsSwitched || Encoding.UTF8.GetByteCount(Path.Combine(parent, name) + LongestEntry) > MaxSocketPathBytes)
        {
            // Root's TMPDIR may be private to root; /tmp is open to every user.
            parent = "/tmp";
        }

        var directory = Path.Combine(parent, name);
        if (Directory.Exists(directory))
        {
            throw new PostgresLauncherException($"The new socket directory '{directory}' exists already; start the server again.");
        }

        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        user.Own(directory);
        return directory;
    }

    /// <summary>Removes the directory if the watchdog has not already.</summary>
    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The watchdog removed it when the server exited.
        }
    }
}
