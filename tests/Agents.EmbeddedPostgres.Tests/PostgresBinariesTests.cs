namespace Agents.EmbeddedPostgres.Tests;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Configured_directory_wins_over_AGENTS_PG_BIN_and_PATH()
    {
        var configured = FakeBinaries("configured");
        var environment = Environment(agentsPgBin: FakeBinaries("variable"), path: FakeBinaries("path"));

        var found = PostgresBinaries.Find(configured, environment, _temp.Combine("debian"));

        Assert.Equal(configured, found.Directory);
    }

    [Fact]
    public void Configured_directory_without_the_binaries_is_an_error_naming_it()
    {
        var configured = _temp.Combine("empty");
        Directory.CreateDirectory(configured);

        var error = Assert.Throws<PostgresLauncherException>(
            () => PostgresBinaries.Find(configured, Environment(path: FakeBinaries("path")), _temp.Combine("debian")));

        Assert.Contains($"'{configured}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BinariesDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGENTS_PG_BIN_wins_over_PATH()
    {
        var variable = FakeBinaries("variable");

        var found = PostgresBinaries.Find(null, Environment(agentsPgBin: variable, path: FakeBinaries("path")), _temp.Combine("debian"));

        Assert.Equal(variable, found.Directory);
    }

    [Fact]
    public void AGENTS_PG_BIN_without_the_binaries_falls_through_to_PATH_as_the_build_script_does()
    {
        var path = FakeBinaries("path");

        var found = PostgresBinaries.Find(null, Environment(agentsPgBin: _temp.Combine("nothing"), path: path), _temp.Combine("debian"));

        Assert.Equal(path, found.Directory);
    }

    [Fact]
    public void PATH_is_searched_in_order_for_a_directory_with_both_binaries()
    {
        var onlyInitDb = FakeBinaries("only-initdb", "initdb");
        var both = FakeBinaries("both");

        var found = PostgresBinaries.Find(null, Environment(path: $"{onlyInitDb}:{both}"), _temp.Combine("debian"));

        Assert.Equal(both, found.Directory);
    }

    [Fact]
    public void Debian_version_directories_are_searched_newest_version_first()
    {
        FakeBinaries("debian/9.6/bin");
        var newest = FakeBinaries("debian/16/bin");
        FakeBinaries("debian/10/bin");

        var found = PostgresBinaries.Find(null, Environment(path: _temp.Combine("no-such-dir")), _temp.Combine("debian"));

        Assert.Equal(newest, found.Directory);
    }

    [Fact]
    public void An_incomplete_newest_Debian_version_is_skipped()
    {
        FakeBinaries("debian/17/bin", "initdb");
        var complete = FakeBinaries("debian/15/bin");

        var found = PostgresBinaries.Find(null, Environment(), _temp.Combine("debian"));

        Assert.Equal(complete, found.Directory);
    }

    [Fact]
    public void When_nothing_is_found_the_error_lists_what_was_searched_and_how_to_install()
    {
        var pathDirectory = _temp.Combine("on-path");
        Directory.CreateDirectory(pathDirectory);

        var error = Assert.Throws<PostgresLauncherException>(
            () => PostgresBinaries.Find(null, Environment(agentsPgBin: _temp.Combine("pg-bin"), path: pathDirectory), _temp.Combine("debian")));

        Assert.Contains($"AGENTS_PG_BIN={_temp.Combine("pg-bin")}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"PATH: {pathDirectory}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{_temp.Combine("debian")}/*/bin: no version installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("set AGENTS_PG_BIN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_executable_does_not_count()
    {
        var directory = FakeBinaries("not-executable");
        File.SetUnixFileMode(Path.Combine(directory, "postgres"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Throws<PostgresLauncherException>(() => PostgresBinaries.Find(null, Environment(path: directory), _temp.Combine("debian")));
    }

    /// <summary>A directory under the temporary one holding executable files with the given names.</summary>
    private string FakeBinaries(string relativePath, params string[] names)
    {
        var directory = _temp.Combine(relativePath);
        Directory.CreateDirectory(directory);
        foreach (var name in names.Length == 0 ? ["initdb", "postgres"] : names)
        {
            var file = Path.Combine(directory, name);
            File.WriteAllText(file, "#!/bin/sh\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return directory;
    }

    private static Func<string, string?> Environment(string? agentsPgBin = null, string? path = null) =>
        name => name switch
        {
            PostgresBinaries.DirectoryVariable => agentsPgBin,
            "PATH" => path,
            _ => null,
        };
}
