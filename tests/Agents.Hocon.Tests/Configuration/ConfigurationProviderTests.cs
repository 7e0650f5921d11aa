using Microsoft.Extensions.Configuration;

namespace Agents.Hocon.Tests.Configuration;

public sealed class ConfigurationProviderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string NodeConf = """
        agents {
          actor.throughput = 30
          name = node-1
          enabled = true
          ask-timeout = "00:00:05"
          heartbeat = 5s
          seeds = ["a:1", "b:2"]
          nothing = null
          empty {}
        }
        """;

    [Fact]
    public void Hocon_paths_become_colon_separated_keys()
    {
        var configuration = new ConfigurationBuilder().AddHocon(NodeConf).Build();
        Assert.Equal("30", configuration["agents:actor:throughput"]);
        Assert.Equal("node-1", configuration["agents:name"]);
    }

    [Fact]
    public void Array_elements_are_indexed() =>
        Assert.Equal("b:2", new ConfigurationBuilder().AddHocon(NodeConf).Build()["agents:seeds:1"]);

    [Fact]
    public void Null_is_a_null_value()
    {
        var configuration = new ConfigurationBuilder().AddHocon(NodeConf).Build();
        Assert.Null(configuration["agents:nothing"]);
        Assert.Contains(configuration.AsEnumerable(), kv => kv.Key == "agents:nothing");
    }

    [Fact]
    public void Values_keep_the_text_they_were_written_with() =>
        Assert.Equal("5s", new ConfigurationBuilder().AddHocon(NodeConf).Build()["agents:heartbeat"]);

    [Fact]
    public void File_source_reads_a_hocon_file_with_its_includes()
    {
        _folder.Write("conf/defaults.conf", "agents.defaults.mailbox = 1000");
        var file = _folder.Write("conf/node.conf", "include \"defaults.conf\"\n" + NodeConf);
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();
        Assert.Equal("30", configuration["agents:actor:throughput"]);
        Assert.Equal("1000", configuration["agents:defaults:mailbox"]);
    }

    [Fact]
    public void Missing_optional_file_adds_nothing() =>
        Assert.Empty(new ConfigurationBuilder().AddHoconFile(Path.Combine(_folder.Path, "absent.conf"), optional: true).Build().AsEnumerable());

    [Fact]
    public void Missing_required_file_fails() =>
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(Path.Combine(_folder.Path, "absent.conf")).Build());

    [Fact]
    public void Malformed_file_fails_naming_file_line_and_column()
    {
        var file = _folder.Write("broken.conf", "agents {\n  a = 1\n");
        var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().AddHoconFile(file).Build());
        var hocon = error as HoconException ?? error.InnerException as HoconException;
        Assert.NotNull(hocon);
        Assert.Contains("broken.conf:3:1", hocon.Message);
    }

    [Fact]
    public void Reload_reads_the_changed_file()
    {
        var file = _folder.Write("reload.conf", "a = 1");
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();
        File.WriteAllText(file, "a = 2");
        configuration.Reload();
        Assert.Equal("2", configuration["a"]);
    }

    [Fact]
    public async Task Reload_on_change_picks_up_an_edited_file()
    {
        // The watcher (inotify, or polling every 4 s when DOTNET_USE_POLLING_FILE_WATCHER is set) and the
        // 250 ms reload delay answer well within this limit, which only a watcher that never fires reaches.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var file = _folder.Write("watched.conf", "a = 1");
        var configuration = new ConfigurationBuilder().AddHoconFile(file, optional: false, reloadOnChange: true).Build();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = configuration.GetReloadToken().RegisterChangeCallback(_ => changed.TrySetResult(), null);
        File.WriteAllText(file, "a = 2");
        await changed.Task.WaitAsync(hang.Token);
        await WaitForValue(configuration, "a", "2", hang.Token);
        Assert.Equal("2", configuration["a"]);
    }

    private static async Task WaitForValue(IConfiguration configuration, string key, string expected, CancellationToken cancellationToken)
    {
        // The change token fires when the watcher sees the write; the provider reloads on that signal.
        while (configuration[key] != expected)
        {
            var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = configuration.GetReloadToken().RegisterChangeCallback(_ => next.TrySetResult(), null);
            if (configuration[key] == expected)
            {
                return;
            }
            await next.Task.WaitAsync(cancellationToken);
        }
    }

    [Fact]
    public void Later_sources_override_hocon_like_environment_variables_would()
    {
        // Stands in for AddEnvironmentVariables: AGENTS__ACTOR__THROUGHPUT=64 arrives as agents:actor:throughput.
        var environment = new Dictionary<string, string?> { ["agents:actor:throughput"] = "64" };
        var configuration = new ConfigurationBuilder().AddHocon(NodeConf).AddInMemoryCollection(environment).Build();
        Assert.Equal("64", configuration["agents:actor:throughput"]);
        Assert.Equal("node-1", configuration["agents:name"]);
    }

    [Fact]
    public void Command_line_switches_override_hocon()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(NodeConf)
            .AddCommandLine(["--agents:name=node-9", "--agents:actor:throughput", "8"])
            .Build();
        Assert.Equal("node-9", configuration["agents:name"]);
        Assert.Equal("8", configuration["agents:actor:throughput"]);
    }

    [Fact]
    public void Hocon_file_layered_over_hocon_defaults_wins()
    {
        var file = _folder.Write("override.conf", "agents.name = from-file");
        var configuration = new ConfigurationBuilder().AddHocon(NodeConf).AddHoconFile(file).Build();
        Assert.Equal("from-file", configuration["agents:name"]);
        Assert.Equal("30", configuration["agents:actor:throughput"]);
    }

    [Fact]
    public void Binds_to_an_options_class()
    {
        var options = new ConfigurationBuilder().AddHocon(NodeConf).Build().GetSection("agents").Get<AgentsOptions>()!;
        Assert.Equal(30, options.Actor.Throughput);
        Assert.Equal("node-1", options.Name);
        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AskTimeout);
        Assert.Equal(["a:1", "b:2"], options.Seeds);
    }

    [Fact]
    public void Hocon_duration_text_does_not_bind_to_time_span()
    {
        // Documented: values keep their text, so "5s" must be read with HoconDuration or GetDuration.
        var section = new ConfigurationBuilder().AddHocon(NodeConf).Build().GetSection("agents");
        Assert.Throws<InvalidOperationException>(() => section.Get<HeartbeatOptions>());
        Assert.Equal(TimeSpan.FromSeconds(5), HoconDuration.Parse(section["heartbeat"]!));
    }

    [Fact]
    public void Parsed_config_can_be_added_directly()
    {
        var config = Hocon.Parse("a.b = 1");
        Assert.Equal("1", new ConfigurationBuilder().AddHocon(config).Build()["a:b"]);
    }

    public sealed class AgentsOptions
    {
        public ActorOptions Actor { get; set; } = new();

        public string Name { get; set; } = "";

        public bool Enabled { get; set; }

        [ConfigurationKeyName("ask-timeout")]
        public TimeSpan AskTimeout { get; set; }

        public List<string> Seeds { get; set; } = [];
    }

    public sealed class ActorOptions
    {
        public int Throughput { get; set; }
    }

    public sealed class HeartbeatOptions
    {
        public TimeSpan Heartbeat { get; set; }
    }
}
