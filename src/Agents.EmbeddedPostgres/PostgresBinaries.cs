using System.Globalization;
using System.Text;

namespace Agents.EmbeddedPostgres;

/// <summary>
/// A directory holding the PostgreSQL server binaries <c>initdb</c> and <c>postgres</c>, and how it is
/// found. The search order is the build script's (<c>build.sh</c>, <c>find_pg_bin</c>): the configured
/// directory, <c>AGENTS_PG_BIN</c>, <c>PATH</c>, then Debian's <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>
/// newest version first (the Debian packages do not put the server binaries on <c>PATH</c>).
/// </summary>
/// <param name="Directory">The directory that holds <c>initdb</c> and <c>postgres</c>.</param>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>The environment variable naming the directory of the binaries.</summary>
    public const string DirectoryVariable = "AGENTS_PG_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>The path of <c>postgres</c>.</summary>
    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>
    /// Finds the binaries. A <paramref name="configuredDirectory"/> must hold them; otherwise the first
    /// of <c>AGENTS_PG_BIN</c>, <c>PATH</c> and <c>/usr/lib/postgresql/*/bin</c> (newest first) that holds
    /// both wins.
    /// </summary>
    /// <param name="configuredDirectory">An explicit directory, e.g. <see cref="PostgresLauncherOptions.BinariesDirectory"/>.</param>
    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    /// <exception cref="PostgresLauncherException">Nothing holds both binaries; the message lists every
    /// place searched and how to install them.</exception>
    public static PostgresBinaries Find(string? configuredDirectory = null, Func<string, string?>? environment = null) =>
        Find(configuredDirectory, environment ?? Environment.GetEnvironmentVariable, DebianRoot);

    internal static PostgresBinaries Find(string? configuredDirectory, Func<string, string?> environment, string debianRoot)
    {
        if (!string.IsNullOrEmpty(configuredDirectory))
        {
            return Missing(configuredDirectory) is { } missing
                ? throw new PostgresLauncherException(
                    $"The configured PostgreSQL binaries directory '{configuredDirectory}' (PostgresLauncherOptions.BinariesDirectory) " +
                    $"does not hold {missing}. Point it at the directory that holds initdb and postgres " +
                    $"(on Debian {debianRoot}/<version>/bin), or leave it unset to search {DirectoryVariable}, PATH and {debianRoot}/*/bin.")
                : new PostgresBinaries(Path.GetFullPath(configuredDirectory));
        }

        var searched = new StringBuilder();
        var variable = environment(DirectoryVariable);
        if (string.IsNullOrEmpty(variable))
        {
            searched.Append(CultureInfo.InvariantCulture, $"\n  - {DirectoryVariable}: not set");
        }
        else if (Missing(variable) is { } missing)
        {
            searched.Append(CultureInfo.InvariantCulture, $"\n  - {DirectoryVariable}={variable}: no {missing} there");
        }
        else
        {
            return new PostgresBinaries(Path.GetFullPath(variable));
        }

        var path = (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in path)
        {
            if (Missing(directory) is null)
            {
                return new PostgresBinaries(Path.GetFullPath(directory));
            }
        }

        searched.Append(CultureInfo.InvariantCulture, $"\n  - PATH: {(path.Length == 0 ? "empty" : string.Join(':', path))}");

        var versions = DebianVersionDirectories(debianRoot);
        foreach (var directory in versions)
        {
            if (Missing(directory) is null)
            {
                return new PostgresBinaries(Path.GetFullPath(directory));
            }
        }

        searched.Append(CultureInfo.InvariantCulture, $"\n  - {debianRoot}/*/bin: ")
            .Append(versions.Count == 0 ? "no version installed" : string.Join(", ", versions) + " (incomplete)");

        throw new PostgresLauncherException(
            $"The PostgreSQL server binaries (initdb and postgres) were not found. Searched:{searched}\n" +
            "Install them with 'apt-get update && apt-get install -y postgresql' (Debian, Ubuntu), " +
            $"or set {DirectoryVariable} to the directory that holds initdb and postgres.");
    }

    /// <summary>Debian's <c>&lt;root&gt;/&lt;version&gt;/bin</c> directories, newest version first.</summary>
    private static List<string> DebianVersionDirectories(string debianRoot)
    {
        if (!System.IO.Directory.Exists(debianRoot))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(debianRoot)
            .Select(directory => (Directory: Path.Combine(directory, "bin"), Version: VersionOf(Path.GetFileName(directory))))
            .Where(candidate => System.IO.Directory.Exists(candidate.Directory))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Directory)
            .ToList();
    }

    /// <summary>"15" → 15, "9.6" → 9.6; a name that is not a number sorts last.</summary>
    private static decimal VersionOf(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : -1;

    /// <summary>Which of the two binaries the directory lacks, or null when it holds both.</summary>
    private static string? Missing(string directory)
    {
        var initDb = IsExecutable(Path.Combine(directory, "initdb"));
        var postgres = IsExecutable(Path.Combine(directory, "postgres"));
        return (initDb, postgres) switch
        {
            (true, true) => null,
            (false, true) => "initdb",
            (true, false) => "postgres",
            _ => "initdb and postgres",
        };
    }

    private static bool IsExecutable(string file)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return File.Exists(file) && (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
