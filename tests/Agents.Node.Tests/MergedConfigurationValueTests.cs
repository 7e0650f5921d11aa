using System.Text.Json;
using Agents.Hocon;
using Agents.Node.Configuration;
using Microsoft.Extensions.Configuration;

namespace Agents.Node.Tests;

/// <summary>
/// The merged configuration read back as HOCON keeps the kinds of the file's values, so that an agent's settings
/// reach it as the JSON the file shows (the configuration layers hold every value as text).
/// </summary>
public sealed class MergedConfigurationValueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agents-merged-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private JsonElement Settings(string settings, params string[] args)
    {
        var path = Path.Combine(_directory, "node.conf");
        File.WriteAllText(path, $"agents.definitions.x {{ type = recorder, settings {{ {settings} }} }}\n");
        var configuration = new ConfigurationBuilder()
            .AddNodeConfiguration(new NodeConfigurationSources { ConfigFile = path, Environment = new Dictionary<string, string>(), Args = args })
            .Build();
        using var document = JsonDocument.Parse(NodeConfiguration.ToHocon(configuration).GetValue("agents.definitions.x.settings").ToJson());
        return document.RootElement.Clone();
    }

    [Fact]
    public void A_whole_number_stays_a_number() =>
        Assert.Equal(60, Settings("epochs = 60").GetProperty("epochs").GetInt32());

    [Fact]
    public void A_number_in_exponent_form_stays_a_number() =>
        Assert.Equal(1e-4, Settings("low = 1e-4").GetProperty("low").GetDouble());

    [Fact]
    public void A_list_stays_a_list_in_order() =>
        Assert.Equal([32, 64, 128], Settings("values = [32, 64, 128]").GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));

    [Fact]
    public void A_list_of_objects_stays_a_list() =>
        Assert.Equal(JsonValueKind.Array, Settings("steps = [{ a = 1 }, { a = 2 }]").GetProperty("steps").ValueKind);

    [Fact]
    public void A_boolean_stays_a_boolean() =>
        Assert.True(Settings("enabled = true").GetProperty("enabled").GetBoolean());

    [Theory]
    [InlineData("interval = 1s", "interval", "1s")]
    [InlineData("profile = converges", "profile", "converges")]
    [InlineData("version = \"1.2.3\"", "version", "1.2.3")]
    [InlineData("code = \"007\"", "code", "007")]
    [InlineData("mode = on", "mode", "on")]
    public void Other_text_stays_text(string setting, string key, string text)
    {
        var value = Settings(setting).GetProperty(key);

        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(text, value.GetString());
    }

    [Fact]
    public void A_number_set_by_a_switch_reads_as_a_number() =>
        Assert.Equal(7, Settings("epochs = 60", "--agents:definitions:x:settings:epochs=7").GetProperty("epochs").GetInt32());

    [Fact]
    public void Settings_nest_as_objects() =>
        Assert.Equal("log_uniform", Settings("space { learning_rate { kind = log_uniform } }")
            .GetProperty("space").GetProperty("learning_rate").GetProperty("kind").GetString());

    [Fact]
    public void The_agents_subscriptions_still_read_as_a_list_of_strings()
    {
        var path = Path.Combine(_directory, "node.conf");
        File.WriteAllText(path, "agents.definitions.x { type = recorder, subscribes = [\"training.#\", \"alert.*\"] }\n");
        var configuration = new ConfigurationBuilder()
            .AddNodeConfiguration(new NodeConfigurationSources { ConfigFile = path, Environment = new Dictionary<string, string>() })
            .Build();

        Assert.Equal(["training.#", "alert.*"], NodeConfiguration.ToHocon(configuration).GetStringList("agents.definitions.x.subscribes"));
    }
}
