using System.Security.Cryptography;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// A PostgreSQL data directory and the files the launcher keeps with it: the superuser's password
/// beside it (<c>&lt;directory&gt;.password</c>, mode 0600, owned by the server user; initdb reads it and
/// every later start reuses it), the server log and the lock file inside it.
/// </summary>
internal sealed class DataDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public DataDirectory(string path)
    {
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        Log = new ServerLog(System.IO.Path.Combine(Path, "server.log"));
    }

    /// <summary>The absolute path of the data directory.</summary>
    public string Path { get; }

    /// <summary>The file holding the superuser's password.</summary>
    public string PasswordFile => Path + ".password";

    /// <summary>The server's log.</summary>
    public ServerLog Log { get; }

    /// <summary>True once initdb has run here.</summary>
    public bool IsInitialised => File.Exists(System.IO.Path.Combine(Path, "PG_VERSION"));

    /// <summary>
    /// Creates the directory for <paramref name="user"/> when it does not exist, and checks that an
    /// existing one belongs to that user, is empty or a PostgreSQL data directory, and has no running server.
    /// </summary>
    public async Task PrepareAsync(ServerUser user, bool temporary, CancellationToken cancellationToken)
    {
        if (File.Exists(Path))
        {
            throw new PostgresLauncherException(
                $"The PostgreSQL data directory '{Path}' (PostgresLauncherOptions.DataDirectory) is a file. Name a directory, new or empty.");
        }

        if (!Directory.Exists(Path))
        {
            Create(user);
        }
        else
        {
            Adopt(user);
        }

        if (temporary && IsInitialised)
        {
            throw new PostgresLauncherException(
                $"A temporary server (PostgresLauncherOptions.Temporary) deletes its data directory when it stops, and '{Path}' " +
                "already holds a database. Name a new or empty directory for a temporary server, or turn Temporary off to keep the data.");
        }

        if (user.IsSwitched)
        {
            await CheckReachableAsync(user, cancellationToken).ConfigureAwait(false);
        }

        if (PostmasterPidFile.Read(Path) is { ProcessId: var running }
            && ProcFs.IsRunning(running)
            && ProcFs.CommandName(running) == "postgres")
        {
            throw new PostgresLauncherException(
                $"A PostgreSQL server (PID {running}) is already running on the data directory '{Path}'. Stop it " +
                $"('pg_ctl stop -D {Path}', or stop the process that started it), or give this server another data directory.");
        }
    }

    /// <summary>Runs initdb here with a new random superuser password and returns that password.</summary>
    public async Task<string> InitialiseAsync(
        PostgresBinaries binaries, ServerUser user, string superuser, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WritePassword(password, user);
        var start = user.StartInfo(binaries.InitDb,
        [
            "--pgdata=" + Path,
            "--username=" + superuser,
            "--pwfile=" + PasswordFile,
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-instructions",
        ]);
        var (exitCode, output) = await ChildProcess.RunAsync(start, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new PostgresLauncherException(
                $"initdb could not initialise the PostgreSQL data directory '{Path}' as '{user.Name}' (exit status {exitCode}). " +
                $"Its output:\n{Indent(output)}");
        }

        return password;
    }

    /// <summary>The superuser's password written when the directory was initialised.</summary>
    public string ReadPassword()
    {
        try
        {
            return File.ReadAllText(PasswordFile).Trim();
        }
        catch (FileNotFoundException)
        {
            throw new PostgresLauncherException(
                $"The PostgreSQL data directory '{Path}' is initialised, but the superuser's password file '{PasswordFile}' " +
                "that the launcher wrote beside it is missing, so the launcher cannot log in. Restore that file, or delete " +
                "the data directory to start afresh (its databases are lost).");
        }
    }

    /// <summary>Deletes the directory and the password file beside it, as far as they exist.</summary>
    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        File.Delete(PasswordFile);
    }

    private void Create(ServerUser user)
    {
        var parent = System.IO.Path.GetDirectoryName(Path);
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        Directory.CreateDirectory(Path, OwnerOnly);
        user.Own(Path);
    }

    private void Adopt(ServerUser user)
    {
        var owner = LibC.Owner(Path).Uid;
        var self = LibC.EffectiveUserId();
        if (owner != user.Uid && owner != self)
        {
            throw new PostgresLauncherException(
                $"The PostgreSQL data directory '{Path}' belongs to '{LibC.UserName(owner)}' (uid {owner}), but the server " +
                $"runs as '{user.Name}' (uid {user.Uid}) and PostgreSQL only starts on a data directory its own user owns. " +
                $"Give it to that user ('chown -R {user.Name} {Path}') or choose another data directory.");
        }

        if (!IsInitialised && Directory.EnumerateFileSystemEntries(Path).Take(3).ToList() is { Count: > 0 } entries)
        {
            var names = string.Join(", ", entries.Select(entry => $"'{System.IO.Path.GetFileName(entry)}'"));
            throw new PostgresLauncherException(
                $"'{Path}' (PostgresLauncherOptions.DataDirectory) is not a PostgreSQL data directory (it has no PG_VERSION) " +
                $"and is not empty (it holds {names}). Name a new or empty directory, e.g. a subdirectory of this one.");
        }

        if (owner != user.Uid)
        {
            // Root created it for the server user, e.g. an empty mount point or 'mkdir' before the first start.
            if (IsInitialised)
            {
                throw new PostgresLauncherException(
                    $"The PostgreSQL data directory '{Path}' belongs to '{LibC.UserName(owner)}', but the server runs as " +
                    $"'{user.Name}'. Give it to that user ('chown -R {user.Name}: {Path}').");
            }

            user.Own(Path);
            File.SetUnixFileMode(Path, OwnerOnly);
        }
    }

    /// <summary>
    /// Checks that the server user can pass through every parent of the data directory; a directory
    /// made with mode 0700 by root on the way (e.g. a temporary directory) stops initdb and postgres.
    /// </summary>
    private async Task CheckReachableAsync(ServerUser user, CancellationToken cancellationToken)
    {
        var parents = new List<string>();
        for (var parent = System.IO.Path.GetDirectoryName(Path); parent is not null; parent = System.IO.Path.GetDirectoryName(parent))
        {
            parents.Insert(0, parent);
        }

        const string firstUnreachable = """for d; do [ -x "$d" ] || { printf '%s' "$d"; exit 1; }; done""";
        var (exitCode, output) = await ChildProcess.RunAsync(
            user.StartInfo("/bin/sh", ["-c", firstUnreachable, "reach", .. parents]), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new PostgresLauncherException(
                $"The server user '{user.Name}' cannot reach the PostgreSQL data directory '{Path}': it may not pass through " +
                $"'{output}'. Allow it ('chmod o+x {output}') or choose a data directory under a path that user can reach, " +
                "e.g. /var/lib/agents.");
        }
    }

    private void WritePassword(string password, ServerUser user)
    {
        File.Delete(PasswordFile);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(PasswordFile, options))
        {
            writer.Write(password);
            writer.Write('\n');
        }

        user.Own(PasswordFile);
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => "    " + line));
}
