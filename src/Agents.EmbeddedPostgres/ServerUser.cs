using System.Diagnostics;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// The operating-system user that runs <c>initdb</c> and the server. PostgreSQL refuses to run as
/// root, so a root process runs them as another user (by default <c>postgres</c>) through
/// <c>setpriv</c>, which execs in place: the process this side starts is the command itself.
/// Any other user runs them as itself.
/// </summary>
internal sealed record ServerUser(string Name, uint Uid, uint Gid, string? SetPrivPath)
{
    /// <summary>True when this process is root and runs the server as another user.</summary>
    public bool IsSwitched => SetPrivPath is not null;

    /// <summary>The user the server runs as, for this process.</summary>
    /// <exception cref="PostgresLauncherException">This process is root and the server user or setpriv is missing.</exception>
    public static ServerUser Resolve(string serverUserName, Func<string, string?> environment)
    {
        var self = LibC.EffectiveUserId();
        if (self != 0)
        {
            return new ServerUser(LibC.UserName(self), self, LibC.EffectiveGroupId(), null);
        }

        if (LibC.FindUser(serverUserName) is not { } account)
        {
            throw new PostgresLauncherException(
                $"This process runs as root and PostgreSQL refuses to run as root, so the server must run as the OS user " +
                $"'{serverUserName}' (PostgresLauncherOptions.ServerUserName), which does not exist. Create it " +
                $"('useradd --system --user-group --home-dir /var/lib/postgresql {serverUserName}'; installing Debian's " +
                "postgresql package creates 'postgres'), name an existing unprivileged user, or run this process as a non-root user.");
        }

        var (uid, gid) = account;
        if (uid == 0)
        {
            throw new PostgresLauncherException(
                $"The server user '{serverUserName}' (PostgresLauncherOptions.ServerUserName) is root (uid 0), and PostgreSQL refuses " +
                "to run as root. Name an unprivileged user, e.g. 'postgres'.");
        }

        var setpriv = FindExecutable("setpriv", environment)
            ?? throw new PostgresLauncherException(
                $"This process runs as root and must start PostgreSQL as '{serverUserName}' with 'setpriv', which is not on PATH " +
                "nor in /usr/bin. Install util-linux ('apt-get install -y util-linux'), or run this process as a non-root user.");
        return new ServerUser(serverUserName, uid, gid, setpriv);
    }

    /// <summary>A start description that runs <paramref name="file"/> as this user, with messages in English.</summary>
    public ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { UseShellExecute = false };
        if (SetPrivPath is null)
        {
            start.FileName = file;
        }
        else
        {
            start.FileName = SetPrivPath;
            start.ArgumentList.Add($"--reuid={Uid}");
            start.ArgumentList.Add($"--regid={Gid}");
            start.ArgumentList.Add("--init-groups");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The launcher reads the server's messages ("could not bind ..."); keep them untranslated.
        start.Environment["LC_ALL"] = "C";
        return start;
    }

    /// <summary>Gives a file or directory this process created to the server user.</summary>
    public void Own(string path)
    {
        if (IsSwitched)
        {
            LibC.ChangeOwner(path, Uid, Gid);
        }
    }

    private static string? FindExecutable(string name, Func<string, string?> environment) =>
        (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Append("/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
