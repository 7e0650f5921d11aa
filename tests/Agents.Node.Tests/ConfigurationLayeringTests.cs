using Agents.Node.Configuration;
using Microsoft.Extensions.Configuration;

namespace Agents.Node.Tests;

public sealed class ConfigurationLayeringTests
{
    private const string PortKey = "agents:node:management:port";

    private static IConfigurationRoot Build(Dictionary<string, string> environment, params string[] args) =>
        new ConfigurationBuilder()
            .AddNodeConfiguration(new NodeConfigurationSources { ConfigFile = TestNode.ConfigFile, Environment = environment, Args = args })
            .Build();

    [Fact]
    public void The_file_gives_the_defaults()
    {
        var configuration = Build([]);

        Assert.Equal("9110", configuration[PortKey]);
        Assert.Equal("127.0.0.1", configuration["agents:node:management:host"]);
    }

    [Theory]
    [InlineData("AGENTS_MANAGEMENT_PORT", PortKey, "9200")]
    [InlineData("AGENTS_DATA_DIR", "agents:node:data-dir", "/var/lib/agents")]
    [InlineData("AGENTS_TOKEN", "agents:node:management:token", "s3cret")]
    [InlineData("AGENTS_PG", "agents:persistence:postgresql:connection-string", "Host=db;Database=agents")]
    [InlineData("AGENTS_NODE_NAME", "agents:node:name", "node-a")]
    [InlineData("AGENTS_MANAGEMENT_HOST", "agents:node:management:host", "10.0.0.5")]
    public void An_AGENTS_variable_sets_its_setting(string variable, string key, string value)
    {
        var configuration = Build(new() { [variable] = value });

        Assert.Equal(value, configuration[key]);
    }

    [Fact]
    public void A_dotnet_environment_variable_overrides_the_file()
    {
        var configuration = Build(new() { ["AGENTS_MANAGEMENT_PORT"] = "9200", ["AGENTS__NODE__MANAGEMENT__PORT"] = "9300" });

        Assert.Equal("9300", configuration[PortKey]);
    }

    [Fact]
    public void A_switch_overrides_the_environment()
    {
        var configuration = Build(new() { ["AGENTS__NODE__MANAGEMENT__PORT"] = "9300" }, "--agents:node:management:port=9400");

        Assert.Equal("9400", configuration[PortKey]);
    }

    [Fact]
    public void A_short_switch_sets_its_setting()
    {
        var configuration = Build([], "--port", "9500", "--data-dir", "/srv/agents");

        Assert.Equal("9500", configuration[PortKey]);
        Assert.Equal("/srv/agents", configuration["agents:node:data-dir"]);
    }

    [Fact]
    public void The_merged_configuration_reads_as_HOCON_for_the_libraries()
    {
        var config = NodeConfiguration.ToHocon(Build([], "--agents:actor:throughput=7"));

        Assert.Equal(7, config.GetInt("agents.actor.throughput"));
        Assert.Equal(9110, config.GetInt("agents.node.management.port"));
    }

    [Fact]
    public void A_missing_configuration_file_named_by_a_switch_is_an_error_naming_it()
    {
        var sources = new NodeConfigurationSources { Environment = new Dictionary<string, string>(), Args = ["--config", "/nonexistent/node.conf"] };

        var error = Assert.Throws<FileNotFoundException>(() => NodeConfiguration.FindConfigFile(sources));

        Assert.Contains("/nonexistent/node.conf", error.Message, StringComparison.Ordinal);
    }
}
