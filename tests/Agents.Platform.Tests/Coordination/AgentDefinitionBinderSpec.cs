using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Coordination;

/// <summary>Agent definitions read from <c>agents.definitions</c>.</summary>
public sealed class AgentDefinitionBinderSpec
{
    private static readonly AgentTypeRegistry Types = new AgentTypeRegistry()
        .Register("recorder", _ => throw new NotSupportedException("binding never creates agents"))
        .Register("monitor", _ => throw new NotSupportedException("binding never creates agents"));

    private static IReadOnlyList<AgentDefinition> Bind(string hocon) =>
        AgentPlatformOptions.FromConfig(Config.Parse(hocon), Types).Definitions;

    private static HoconException BindFails(string hocon) => Assert.Throws<HoconException>(() => Bind(hocon));

    [Fact]
    public void Every_field_of_a_definition_is_read()
    {
        var definition = Assert.Single(Bind("""
            agents.definitions {
              monitor-1 {
                type = monitor
                active = off
                capabilities = [convergence]
                subscribes = ["training.#", "model.*.loss"]
                subscribe-from = end
                publishes = ["training.early_stop"]
                priority = 7
                limits { mailbox-capacity = 100, max-concurrent-actions = 2 }
                schedules = [
                  { name = hourly, every = 1h }
                  { name = per-epochs, every-events = 10, topic = "training.epoch.*" }
                ]
                heartbeat { interval = 5s, timeout = 20s }
                settings { threshold = 0.5, window { size = 3 } }
              }
            }
            """));

        Assert.Equal(("monitor-1", "monitor", false, 7), (definition.Id, definition.Type, definition.Active, definition.Priority));
        Assert.Equal(["convergence"], definition.Capabilities!);
        Assert.Equal(["training.#", "model.*.loss"], definition.Subscribes!);
        Assert.Equal(["training.early_stop"], definition.Publishes!);
        Assert.Equal(SubscriptionStart.End, definition.SubscribeFrom);
        Assert.Equal(new AgentLimits(100, 2), definition.Limits);
        Assert.Equal(
            [new AgentSchedule("hourly", TimeSpan.FromHours(1)), new AgentSchedule("per-epochs", EveryEvents: 10, Topic: "training.epoch.*")],
            definition.Schedules!);
        Assert.Equal(new AgentHeartbeat(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)), definition.Heartbeat);
        Assert.Equal(0.5, definition.Settings!.Value.GetProperty("threshold").GetDouble());
        Assert.Equal(3, definition.Settings!.Value.GetProperty("window").GetProperty("size").GetInt32());
    }

    [Fact]
    public void A_subscription_that_begins_neither_at_the_beginning_nor_at_the_end_is_refused_with_its_path()
    {
        var error = BindFails("agents.definitions { a { type = recorder, subscribe-from = middle } }");

        Assert.Contains("agents.definitions.a.subscribe-from", error.Message);
        Assert.Contains("beginning or end", error.Message);
    }

    [Fact]
    public void A_definition_with_only_a_type_gets_the_defaults()
    {
        var definition = Assert.Single(Bind("agents.definitions { a { type = recorder } }"));

        Assert.Equal(SubscriptionStart.Beginning, definition.SubscribeFrom);
        Assert.True(definition.Active);
        Assert.Equal(0, definition.Priority);
        Assert.Empty(definition.Subscribes!);
        Assert.Empty(definition.Schedules!);
        Assert.Equal(AgentLimits.Default, definition.Limits);
        Assert.Equal(AgentHeartbeat.Default, definition.Heartbeat);
        Assert.Null(definition.Settings);
    }

    [Fact]
    public void A_heartbeat_interval_without_a_timeout_gets_three_intervals()
    {
        var definition = Assert.Single(Bind("agents.definitions { a { type = recorder, heartbeat.interval = 1 minute } }"));

        Assert.Equal(TimeSpan.FromMinutes(3), definition.Heartbeat!.Timeout);
    }

    [Fact]
    public void An_unregistered_type_is_an_error_naming_the_path_and_the_registered_types()
    {
        var error = BindFails("agents.definitions {\n  monitor-1 {\n    type = x\n  }\n}");

        Assert.Equal("agents.definitions.monitor-1.type: 'x' is not a registered agent type (registered: monitor, recorder).", error.Reason);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_missing_type_is_an_error_naming_the_path()
    {
        var error = BindFails("agents.definitions { monitor-1 { active = on } }");

        Assert.StartsWith("agents.definitions.monitor-1.type: the agent has no type", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_topic_pattern_is_an_error_naming_its_index()
    {
        var error = BindFails("agents.definitions { a { type = recorder, subscribes = [\"training.#\", \"a..b\"] } }");

        Assert.StartsWith("agents.definitions.a.subscribes[1]: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heartbeat_timeout_not_longer_than_the_interval_is_an_error()
    {
        var error = BindFails("agents.definitions { a { type = recorder, heartbeat { interval = 10s, timeout = 10s } } }");

        Assert.StartsWith("agents.definitions.a.heartbeat.timeout: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_below_one_is_an_error_in_configuration_spelling()
    {
        var error = BindFails("agents.definitions { a { type = recorder, limits.max-concurrent-actions = 0 } }");

        Assert.StartsWith("agents.definitions.a.limits.max-concurrent-actions: 0 is too small", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_with_both_an_interval_and_an_event_count_is_an_error()
    {
        var error = BindFails(
            "agents.definitions { a { type = recorder, schedules = [ { name = s, every = 1s, every-events = 3, topic = t } ] } }");

        Assert.StartsWith("agents.definitions.a.schedules[0]: the schedule has both", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_schedule_without_a_topic_is_an_error()
    {
        var error = BindFails("agents.definitions { a { type = recorder, schedules = [ { name = s, every-events = 3 } ] } }");

        Assert.StartsWith("agents.definitions.a.schedules[0].topic: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_listing_the_fields()
    {
        var error = BindFails("agents.definitions { a { type = recorder, subscribe = [x] } }");

        Assert.StartsWith("agents.definitions.a.subscribe is not a field", error.Reason, StringComparison.Ordinal);
        Assert.Contains("subscribes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_form_is_an_error_naming_what_it_must_be()
    {
        var error = BindFails("agents.definitions { a { type = recorder, subscribes { x = 1 } } }");

        Assert.StartsWith("agents.definitions.a.subscribes is an object; it must be a list of strings", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_id_is_an_error_naming_the_entry()
    {
        var error = BindFails("agents.definitions { \"-bad\" { type = recorder } }");

        Assert.StartsWith("agents.definitions.-bad: '-bad' is not a valid agent id", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_with_a_dot_is_quoted_in_the_configuration()
    {
        var definition = Assert.Single(Bind("agents.definitions { \"team.monitor\" { type = recorder } }"));

        Assert.Equal("team.monitor", definition.Id);
    }
}
