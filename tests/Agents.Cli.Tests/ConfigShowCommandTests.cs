using System.Text.Json;
using Agents.Hocon;

namespace Agents.Cli.Tests;

public sealed class ConfigShowCommandTests(TempFolder folder) : IClassFixture<TempFolder>
{
    [Fact]
    public async Task Json_output_is_the_resolved_configuration()
    {
        var file = folder.Write("resolved.conf", """
            agents {
              actor.throughput = 30
              ask-timeout = 5s
              copy = ${agents.actor.throughput}
              words = [a, b] [c]
            }
            """);

        var run = await ConsoleRun.Of("config", "show", "--file", file, "--json");

        Assert.Equal(0, run.ExitCode);
        var agents = JsonDocument.Parse(run.Output).RootElement.GetProperty("agents");
        Assert.Equal(30, agents.GetProperty("actor").GetProperty("throughput").GetInt32());
        Assert.Equal(30, agents.GetProperty("copy").GetInt32());
        Assert.Equal("5s", agents.GetProperty("ask-timeout").GetString());
        Assert.Equal(["a", "b", "c"], agents.GetProperty("words").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Later_files_override_earlier_ones_and_objects_merge()
    {
        var baseFile = folder.Write("base.conf", "agents { a = 1, b = 2, nested { x = 1 } }");
        var overrides = folder.Write("override.conf", "agents { b = 20, nested { y = 2 } }");

        var run = await ConsoleRun.Of("config", "show", "-f", baseFile, "-f", overrides, "--json");

        Assert.Equal(0, run.ExitCode);
        var agents = JsonDocument.Parse(run.Output).RootElement.GetProperty("agents");
        Assert.Equal(1, agents.GetProperty("a").GetInt32());
        Assert.Equal(20, agents.GetProperty("b").GetInt32());
        Assert.Equal(1, agents.GetProperty("nested").GetProperty("x").GetInt32());
        Assert.Equal(2, agents.GetProperty("nested").GetProperty("y").GetInt32());
    }

    [Fact]
    public async Task A_substitution_in_an_earlier_file_sees_a_value_from_a_later_one()
    {
        var reference = folder.Write("reference.conf", "agents { port = 1, url = \"http://host:\"${agents.port} }");
        var application = folder.Write("application.conf", "agents.port = 9110");

        var run = await ConsoleRun.Of("config", "show", "-f", reference, "-f", application, "--json");

        Assert.Equal(0, run.ExitCode);
        var agents = JsonDocument.Parse(run.Output).RootElement.GetProperty("agents");
        Assert.Equal("http://host:9110", agents.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Hocon_output_parses_back_to_the_same_configuration()
    {
        var file = folder.Write("roundtrip.conf", """
            "quoted.key" = "a \"string\" with\nnewline"
            list = [1, 2.5, true, null, "x y"]
            obj { "" = empty-key, inner { deep = yes } }
            """);

        var hocon = await ConsoleRun.Of("config", "show", "--file", file);
        var json = await ConsoleRun.Of("config", "show", "--file", file, "--json");

        Assert.Equal(0, hocon.ExitCode);
        Assert.Equal(Config.Parse(json.Output).Root, Config.Parse(hocon.Output).Root);
    }

    [Fact]
    public async Task Path_prints_only_that_subtree()
    {
        var file = folder.Write("path.conf", "agents { actor { throughput = 30 }, other = 1 }");

        var run = await ConsoleRun.Of("config", "show", "--file", file, "--path", "agents.actor", "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(30, root.GetProperty("throughput").GetInt32());
        Assert.False(root.TryGetProperty("other", out _));
    }

    [Fact]
    public async Task A_path_that_is_not_set_fails_with_exit_code_1()
    {
        var file = folder.Write("nopath.conf", "a = 1");

        var run = await ConsoleRun.Of("config", "show", "--file", file, "--path", "b.c");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'b.c'", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_malformed_file_exits_with_code_1_and_names_file_line_and_column()
    {
        var file = folder.Write("broken.conf", "agents {\n  actor {\n    throughput = 30\n  \n");

        var run = await ConsoleRun.Of("config", "show", "--file", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"broken\.conf:\d+:\d+", line);
    }

    [Fact]
    public async Task An_undefined_required_substitution_is_an_error_naming_its_position()
    {
        var file = folder.Write("missing.conf", "a = 1\nb = ${does.not.exist}\n");

        var run = await ConsoleRun.Of("config", "show", "--file", file, "--no-env");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing.conf:2:", run.Error);
        Assert.Contains("does.not.exist", run.Error);
    }

    [Fact]
    public async Task A_missing_file_fails_with_exit_code_1()
    {
        var run = await ConsoleRun.Of("config", "show", "--file", Path.Combine(folder.Path, "absent.conf"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("absent.conf", run.Error);
    }

    [Fact]
    public async Task No_env_switches_off_the_environment_fallback()
    {
        // PATH is set in every process that can run these tests; the test only reads it.
        var file = folder.Write("env.conf", "path = ${?PATH}");

        var withEnvironment = await ConsoleRun.Of("config", "show", "--file", file, "--json");
        var withoutEnvironment = await ConsoleRun.Of("config", "show", "--file", file, "--json", "--no-env");

        Assert.True(JsonDocument.Parse(withEnvironment.Output).RootElement.TryGetProperty("path", out _));
        Assert.False(JsonDocument.Parse(withoutEnvironment.Output).RootElement.TryGetProperty("path", out _));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = await ConsoleRun.Of("config", "show", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bogus", run.Error);
    }
}
