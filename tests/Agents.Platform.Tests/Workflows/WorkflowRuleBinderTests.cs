using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.Platform.Workflows;

namespace Agents.Platform.Tests.Workflows;

public sealed class WorkflowRuleBinderTests
{
    private static readonly AgentDefinition[] Definitions = [new("validator-1", "validator"), new("trainer-1", "trainer")];

    private static AgentTypeRegistry Types() => new AgentTypeRegistry()
        .Register("validator", _ => throw new NotSupportedException())
        .Register("trainer", _ => throw new NotSupportedException());

    private static IReadOnlyList<WorkflowRule> Bind(string hocon) =>
        WorkflowRuleBinder.Bind(Config.Parse(hocon, HoconParseOptions.Default with { Origin = "app.conf" }), Definitions, Types());

    private static IReadOnlyList<string> Problems(string hocon) =>
        Assert.Throws<WorkflowConfigurationException>(() => Bind(hocon)).Problems;

    [Fact]
    public void A_rule_that_tells_an_agent_binds_every_setting()
    {
        var rule = Assert.Single(Bind("""
            agents.workflows.rules.promote-good-models {
              on = "training.complete"
              where = "accuracy > 0.9"
              tell = "validator-1"
              command = "evaluate"
              arguments { dataset = "holdout", folds = 5 }
            }
            """));

        Assert.Equal("promote-good-models", rule.Name);
        Assert.Equal("training.complete", Assert.Single(rule.On).ToString());
        Assert.Equal("accuracy > 0.9", rule.Where?.Text);
        Assert.Equal("validator-1", rule.Target.AgentId);
        Assert.Equal("evaluate", rule.Command);
        Assert.Equal("holdout", rule.Arguments?.GetProperty("dataset").GetString());
        Assert.Equal(5, rule.Arguments?.GetProperty("folds").GetInt32());
        Assert.Equal("workflow-promote-good-models", rule.SubscriptionId);
        Assert.Equal(SubscriptionStart.Beginning, rule.From);
    }

    [Fact]
    public void A_rule_can_begin_at_the_end_of_the_log() =>
        Assert.Equal(SubscriptionStart.End, Assert.Single(Bind("""agents.workflows.rules.r { on = "a.b", tell = "trainer-1", command = "go", from = end }""")).From);

    [Fact]
    public void A_rule_that_begins_anywhere_else_is_a_problem_with_its_path() =>
        Assert.Contains(Problems("""agents.workflows.rules.r { on = "a.b", tell = "trainer-1", command = "go", from = yesterday }"""),
            p => p.StartsWith("agents.workflows.rules.r.from: 'yesterday'", StringComparison.Ordinal) && p.Contains("beginning or end"));

    [Fact]
    public void A_rule_that_tells_a_type_binds_the_type()
    {
        var rule = Assert.Single(Bind("""agents.workflows.rules.r { on = "training.#", tell-type = "validator", command = "evaluate" }"""));

        Assert.Equal("validator", rule.Target.AgentType);
        Assert.Null(rule.Target.AgentId);
    }

    [Fact]
    public void A_rule_without_where_fires_on_every_matching_event() =>
        Assert.Null(Assert.Single(Bind("""agents.workflows.rules.r { on = "a.b", tell = "trainer-1", command = "go" }""")).Where);

    [Fact]
    public void A_rule_listens_to_a_list_of_patterns() =>
        Assert.Equal(["a.*", "b.#"], Assert.Single(Bind("""agents.workflows.rules.r { on = ["a.*", "b.#"], tell = "trainer-1", command = "go" }""")).On.Select(p => p.ToString()));

    [Fact]
    public void An_unquoted_pattern_is_read_as_text() =>
        Assert.Equal("training.complete", Assert.Single(Assert.Single(Bind("""
            agents.workflows.rules.r {
              on = training.complete
              tell = trainer-1
              command = go
            }
            """)).On).ToString());

    [Fact]
    public void No_rules_bind_to_an_empty_list() => Assert.Empty(Bind(""));

    [Fact]
    public void Rules_are_ordered_by_name() =>
        Assert.Equal(["a", "b"], Bind("""
            agents.workflows.rules.b { on = "x", tell = "trainer-1", command = "go" }
            agents.workflows.rules.a { on = "x", tell = "trainer-1", command = "go" }
            """).Select(r => r.Name));

    [Fact]
    public void An_undefined_agent_is_named_with_the_rule_path()
    {
        var problem = Assert.Single(Problems("""agents.workflows.rules.promote-good-models { on = "x", tell = "validator-9", command = "go" }"""));

        Assert.StartsWith("agents.workflows.rules.promote-good-models.tell: no agent 'validator-9' is defined", problem, StringComparison.Ordinal);
        Assert.Contains("defined: trainer-1, validator-1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_type_lists_the_registered_ones()
    {
        var problem = Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell-type = "auditor", command = "go" }"""));

        Assert.StartsWith("agents.workflows.rules.r.tell-type: 'auditor' is not a registered agent type (registered: trainer, validator)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_predicate_names_its_column()
    {
        var problem = Assert.Single(Problems("""agents.workflows.rules.r { on = "x", where = "accuracy > ", tell = "trainer-1", command = "go" }"""));

        Assert.StartsWith("agents.workflows.rules.r.where: column 12: expected a value after '>'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_pattern_is_named_with_its_path() =>
        Assert.StartsWith("agents.workflows.rules.r.on: \"a..b\" is not a topic pattern",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "a..b", tell = "trainer-1", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_bad_pattern_in_a_list_is_named_with_its_index() =>
        Assert.StartsWith("agents.workflows.rules.r.on[1]:",
            Assert.Single(Problems("""agents.workflows.rules.r { on = ["a", "b..c"], tell = "trainer-1", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_missing_pattern_is_refused() =>
        Assert.StartsWith("agents.workflows.rules.r.on: missing",
            Assert.Single(Problems("""agents.workflows.rules.r { tell = "trainer-1", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void Tell_and_tell_type_together_are_refused() =>
        Assert.Contains("either tell (an agent id) or tell-type (an agent type), not both",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1", tell-type = "trainer", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_rule_without_tell_or_tell_type_is_refused() =>
        Assert.StartsWith("agents.workflows.rules.r: says whom to tell with neither",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_missing_command_is_refused() =>
        Assert.StartsWith("agents.workflows.rules.r.command: missing",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_command_that_is_not_a_string_is_refused() =>
        Assert.Contains("must be a non-empty string",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1", command = 5 }""")), StringComparison.Ordinal);

    [Fact]
    public void Arguments_must_be_an_object() =>
        Assert.StartsWith("agents.workflows.rules.r.arguments: must be an object",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1", command = "go", arguments = [1] }""")), StringComparison.Ordinal);

    [Fact]
    public void The_trigger_argument_is_reserved() =>
        Assert.StartsWith("agents.workflows.rules.r.arguments.trigger: is reserved",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1", command = "go", arguments { trigger = 1 } }""")), StringComparison.Ordinal);

    [Fact]
    public void A_misspelt_setting_is_refused() =>
        Assert.StartsWith("agents.workflows.rules.r.comand: is not a rule setting",
            Assert.Single(Problems("""agents.workflows.rules.r { on = "x", tell = "trainer-1", command = "go", comand = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_rule_name_must_be_a_valid_name() =>
        Assert.Contains("is not a valid rule name",
            Assert.Single(Problems("""agents.workflows.rules."bad name" { on = "x", tell = "trainer-1", command = "go" }""")), StringComparison.Ordinal);

    [Fact]
    public void A_rule_must_be_an_object() =>
        Assert.StartsWith("agents.workflows.rules.r: a rule must be an object",
            Assert.Single(Problems("""agents.workflows.rules.r = "tell everyone" """)), StringComparison.Ordinal);

    [Fact]
    public void Every_problem_of_every_rule_is_reported_at_once()
    {
        var error = Assert.Throws<WorkflowConfigurationException>(() => Bind("""
            agents.workflows.rules {
              first { on = "x", where = "a >", tell = "nobody", command = "go" }
              second { on = "x", tell-type = "nothing" }
            }
            """));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("4 problems", error.Message, StringComparison.Ordinal);
        Assert.All(["first.where", "first.tell", "second.tell-type", "second.command"],
            path => Assert.Contains("agents.workflows.rules." + path, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_problem_names_the_file_and_line_of_the_setting() =>
        Assert.EndsWith("(at app.conf:3:10)", Assert.Single(Problems("""
            agents.workflows.rules.r {
              on = "x"
              tell = "nobody"
              command = "go"
            }
            """)), StringComparison.Ordinal);

    [Fact]
    public void The_tell_timeout_defaults_to_ten_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(10), WorkflowSettings.FromConfig(Config.Empty).TellTimeout);

    [Fact]
    public void The_tell_timeout_is_read_from_the_configuration() =>
        Assert.Equal(TimeSpan.FromSeconds(3), WorkflowSettings.FromConfig(Config.Parse("agents.workflows.tell-timeout = 3s")).TellTimeout);

    [Fact]
    public void A_bad_tell_timeout_names_the_setting() =>
        Assert.Contains("agents.workflows.tell-timeout",
            Assert.Throws<HoconException>(() => WorkflowSettings.FromConfig(Config.Parse("agents.workflows.tell-timeout = -1s"))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Arguments_keep_their_json_types()
    {
        var arguments = Assert.Single(Bind("""agents.workflows.rules.r { on = "x", tell = "trainer-1", command = "go", arguments { a = true, b = [1, "x"], c { d = null } } }""")).Arguments!.Value;

        Assert.Equal(JsonValueKind.True, arguments.GetProperty("a").ValueKind);
        Assert.Equal(2, arguments.GetProperty("b").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, arguments.GetProperty("c").GetProperty("d").ValueKind);
    }
}
