using System.Text.Json;
using Agents.Library.Optimization;
using Agents.Platform.Agents;

namespace Agents.Library.Tests.Optimization;

public sealed class OptimizerSettingsTests
{
    private const string Space = "\"space\": { \"lr\": { \"kind\": \"log_uniform\", \"low\": 0.0001, \"high\": 0.1 } }";

    [Fact]
    public void Defaults_fill_every_setting_but_the_space()
    {
        var settings = OptimizerSettings.Read(Definition($"{{ {Space} }}"));

        Assert.Equal(("opt", 20, 1, TimeSpan.FromMinutes(30), "", 0, false, 5, "gaussian-process"),
            (settings.OptimizationId, settings.Trials, settings.Parallel, settings.TrialTimeout, settings.Launch, settings.Seed, settings.Maximize,
                settings.InitialRandom, settings.Method));
    }

    [Fact]
    public void The_settings_are_read_with_their_names()
    {
        var settings = OptimizerSettings.Read(Definition(
            $"{{ {Space}, \"optimizationId\": \"demo\", \"trials\": 12, \"parallel\": 2, \"trial-timeout\": \"90s\", \"launch\": \"training-run\", \"seed\": 3, \"goal\": \"maximize\", \"initial-random\": 4, \"method\": \"random\" }}"));

        Assert.Equal(("demo", 12, 2, TimeSpan.FromSeconds(90), "training-run", 3, true, 4, "random"),
            (settings.OptimizationId, settings.Trials, settings.Parallel, settings.TrialTimeout, settings.Launch, settings.Seed, settings.Maximize,
                settings.InitialRandom, settings.Method));
    }

    [Theory]
    [InlineData("{ }", "settings.space")]
    [InlineData("{ \"space\": { \"lr\": { \"kind\": \"log_uniform\", \"low\": 0, \"high\": 0.1 } } }", "settings.space.lr.low")]
    [InlineData("{ \"space\": { \"lr\": { \"kind\": \"normal\" } } }", "settings.space.lr.kind")]
    [InlineData("{ \"space\": {} }", "settings.space")]
    [InlineData($"{{ {Space}, \"trials\": 0 }}", "settings.trials")]
    [InlineData($"{{ {Space}, \"parallel\": \"two\" }}", "settings.parallel")]
    [InlineData($"{{ {Space}, \"trial-timeout\": \"soon\" }}", "settings.trial-timeout")]
    [InlineData($"{{ {Space}, \"goal\": \"best\" }}", "settings.goal")]
    [InlineData($"{{ {Space}, \"budget\": 3 }}", "settings.budget")]
    [InlineData("[1]", "settings")]
    public void An_invalid_setting_is_refused_naming_its_field(string settings, string field)
    {
        var error = Assert.Throws<AgentDefinitionException>(() => OptimizerSettings.Read(Definition(settings)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_launch_type_that_is_not_registered_is_refused_when_the_props_are_made()
    {
        var registry = HyperparameterOptimizerAgent.Register(new AgentTypeRegistry());

        var error = Assert.Throws<AgentDefinitionException>(() => registry.PropsFor(Definition($"{{ {Space}, \"launch\": \"training-run\" }}")));

        Assert.Equal("settings.launch", error.Field);
    }

    private static AgentDefinition Definition(string settings)
    {
        using var document = JsonDocument.Parse(settings);
        return new AgentDefinition("opt", HyperparameterOptimizerAgent.TypeName, Settings: document.RootElement.Clone());
    }
}
