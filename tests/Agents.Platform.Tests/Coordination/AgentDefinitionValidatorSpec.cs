using System.Text.Json;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The checks every definition passes before it is journaled, from the configuration or the API.</summary>
public sealed class AgentDefinitionValidatorSpec
{
    private static readonly AgentTypeRegistry Types = new AgentTypeRegistry()
        .Register("plain", _ => throw new NotSupportedException("validation never creates agents"))
        .Register("counting", _ => throw new NotSupportedException("validation never creates agents"));

    private static AgentDefinitionException Invalid(AgentDefinition definition) =>
        Assert.Throws<AgentDefinitionException>(() => AgentDefinitionValidator.Validate(definition, Types));

    [Fact]
    public void A_valid_definition_gets_every_default_filled_in()
    {
        var valid = AgentDefinitionValidator.Validate(new AgentDefinition("a", "plain"), Types);

        Assert.Equal(AgentLimits.Default, valid.Limits);
        Assert.Equal(AgentHeartbeat.Default, valid.Heartbeat);
        Assert.NotNull(valid.Subscribes);
        Assert.NotNull(valid.Schedules);
    }

    [Fact]
    public void An_id_that_breaks_the_naming_rules_is_refused()
    {
        Assert.Equal("id", Invalid(new AgentDefinition("has space", "plain")).Field);
    }

    [Fact]
    public void The_id_whose_journal_would_be_the_coordinators_is_refused()
    {
        var error = Invalid(new AgentDefinition("registry", "plain"));

        Assert.Equal("id", error.Field);
        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_type_is_refused_with_the_registered_ones()
    {
        var error = Invalid(new AgentDefinition("a", "missing"));

        Assert.Equal("type", error.Field);
        Assert.Contains("(registered: counting, plain)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mailbox_capacity_below_one_is_refused()
    {
        Assert.Equal("limits.mailboxCapacity", Invalid(new AgentDefinition("a", "plain", Limits: new AgentLimits(0))).Field);
    }

    [Fact]
    public void Schedule_names_are_unique_within_an_agent()
    {
        var error = Invalid(new AgentDefinition("a", "plain",
            Schedules: [new AgentSchedule("s", TimeSpan.FromSeconds(1)), new AgentSchedule("s", TimeSpan.FromSeconds(2))]));

        Assert.Equal("schedules[1].name", error.Field);
    }

    [Fact]
    public void Settings_that_are_not_an_object_are_refused()
    {
        Assert.Equal("settings", Invalid(new AgentDefinition("a", "plain", Settings: JsonSerializer.SerializeToElement(3))).Field);
    }

    [Fact]
    public void Definitions_with_equal_contents_are_the_same_whatever_their_list_instances()
    {
        var left = new AgentDefinition("a", "plain", Subscribes: ["x.#"], Settings: JsonSerializer.SerializeToElement(new { k = 1 }));
        var right = new AgentDefinition("a", "plain", Subscribes: ["x.#"], Settings: JsonSerializer.SerializeToElement(new { k = 1 }));

        Assert.True(AgentDefinitionValidator.Same(left, right));
        Assert.False(AgentDefinitionValidator.Same(left, right with { Subscribes = ["y.#"] }));
    }
}
