using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Agents.Platform.Workflows.Predicates;

namespace Agents.Platform.Workflows;

/// <summary>
/// Reads the rules of <c>agents.workflows.rules</c> and checks them against the agents and agent types the node knows,
/// so that a rule that could never work stops the node at start-up instead of failing quietly on its first event.
/// </summary>
/// <remarks>
/// Every rule is checked and every problem collected: a bad topic pattern, a predicate that does not parse, both or
/// neither of <c>tell</c> and <c>tell-type</c>, an agent id no definition has, a type no one registered, a missing
/// command, arguments that are not an object, a setting a rule does not take. All of them are reported at once in one
/// <see cref="WorkflowConfigurationException"/>, each with its path and the place in the file.
/// </remarks>
public static class WorkflowRuleBinder
{
    /// <summary>The configuration section of the rules.</summary>
    /// <value><c>agents.workflows.rules</c></value>
    public const string Section = "agents.workflows.rules";

    private static readonly string[] Keys = ["on", "where", "tell", "tell-type", "command", "arguments", "from"];

    /// <summary>Reads and checks the rules of <paramref name="config"/> (the application's configuration; the reference defaults are added).</summary>
    /// <param name="config">The configuration, typically the actor system's.</param>
    /// <param name="definitions">The agents the node knows; <c>tell</c> must name one of them.</param>
    /// <param name="types">The registered agent types; <c>tell-type</c> must name one of them.</param>
    /// <returns>The rules, ordered by name.</returns>
    /// <exception cref="WorkflowConfigurationException">A rule is invalid; the message lists every problem with its path.</exception>
    public static IReadOnlyList<WorkflowRule> Bind(Config config, IReadOnlyCollection<AgentDefinition> definitions, AgentTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(types);
        var merged = config.WithFallback(WorkflowSettings.ReferenceConfig).Resolve();
        var problems = new List<string>();
        var rules = new List<WorkflowRule>();
        var section = merged.HasPathOrNull(Section) ? merged.GetValue(Section) : null;
        if (section is not HoconObject rulesObject)
        {
            if (section is not null and not HoconNull)
            {
                problems.Add(Problem(Section, section, "must be an object of rules by name, e.g. rules { promote-good-models { on = ..., tell = ..., command = ... } }"));
            }

            return problems.Count == 0 ? [] : throw new WorkflowConfigurationException(problems);
        }

        var agentIds = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in rulesObject.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (BindRule(name, value, agentIds, types, problems) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return problems.Count == 0 ? rules : throw new WorkflowConfigurationException(problems);
    }

    private static WorkflowRule? BindRule(string name, HoconValue value, HashSet<string> agentIds, AgentTypeRegistry types, List<string> problems)
    {
        var path = $"{Section}.{name}";
        var before = problems.Count;
        if (!AgentNames.IsValid(name))
        {
            problems.Add(Problem(path, value,
                $"'{name}' is not a valid rule name: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"));
        }

        if (value is not HoconObject rule)
        {
            problems.Add(Problem(path, value, "a rule must be an object: { on = \"training.complete\", tell = \"validator-1\", command = \"evaluate\" }"));
            return null;
        }

        foreach (var (key, setting) in rule)
        {
            if (!Keys.Contains(key))
            {
                problems.Add(Problem($"{path}.{key}", setting, $"is not a rule setting; a rule takes {string.Join(", ", Keys)}"));
            }
        }

        var on = BindPatterns(path, rule, problems);
        var where = BindWhere(path, rule, problems);
        var target = BindTarget(path, rule, agentIds, types, problems);
        var command = ReadString(path, rule, "command", problems, required: true,
            "missing: set the command the agents receive, e.g. command = \"evaluate\"");
        var arguments = BindArguments(path, rule, problems);
        var from = BindFrom(path, rule, problems);
        return problems.Count == before ? new WorkflowRule(name, on, where, target!, command!, arguments, from) : null;
    }

    private static List<TopicPattern> BindPatterns(string path, HoconObject rule, List<string> problems)
    {
        var patterns = new List<TopicPattern>();
        if (!rule.TryGetValue("on", out var on) || on is HoconNull)
        {
            problems.Add($"{path}.on: missing: set the topic pattern the rule listens to, e.g. on = \"training.complete\"");
            return patterns;
        }

        if (on is HoconArray list)
        {
            if (list.Count == 0)
            {
                problems.Add(Problem($"{path}.on", on, "is an empty list: name at least one topic pattern"));
            }

            for (var i = 0; i < list.Count; i++)
            {
                AddPattern($"{path}.on[{i}]", list[i], patterns, problems);
            }
        }
        else
        {
            AddPattern($"{path}.on", on, patterns, problems);
        }

        return patterns;
    }

    private static void AddPattern(string path, HoconValue value, List<TopicPattern> patterns, List<string> problems)
    {
        if (value is not HoconString text)
        {
            problems.Add(Problem(path, value, "must be a topic pattern string such as \"training.*\" or a list of them"));
        }
        else if (TopicPattern.TryParse(text.Value, out var pattern, out var error))
        {
            patterns.Add(pattern);
        }
        else
        {
            problems.Add(Problem(path, value, $"\"{text.Value}\" is not a topic pattern: {error}"));
        }
    }

    private static WorkflowPredicate? BindWhere(string path, HoconObject rule, List<string> problems)
    {
        var text = ReadString(path, rule, "where", problems, required: false, "");
        if (text is null)
        {
            return null;
        }

        try
        {
            return WorkflowPredicate.Parse(text);
        }
        catch (PredicateSyntaxException e)
        {
            problems.Add(Problem($"{path}.where", rule["where"], $"{e.Message} in \"{text}\""));
            return null;
        }
    }

    private static WorkflowTarget? BindTarget(string path, HoconObject rule, HashSet<string> agentIds, AgentTypeRegistry types, List<string> problems)
    {
        var hasTell = rule.TryGetValue("tell", out var tell) && tell is not HoconNull;
        var hasType = rule.TryGetValue("tell-type", out var tellType) && tellType is not HoconNull;
        if (hasTell && hasType)
        {
            problems.Add(Problem(path, rule, "set either tell (an agent id) or tell-type (an agent type), not both"));
            return null;
        }

        if (!hasTell && !hasType)
        {
            problems.Add(Problem(path, rule, "says whom to tell with neither tell (an agent id) nor tell-type (an agent type); set one of them"));
            return null;
        }

        if (hasTell)
        {
            var id = ReadString(path, rule, "tell", problems, required: true, "");
            if (id is null)
            {
                return null;
            }

            if (!agentIds.Contains(id))
            {
                var known = agentIds.Count == 0 ? "none" : string.Join(", ", agentIds.Order(StringComparer.Ordinal));
                problems.Add(Problem($"{path}.tell", tell!, $"no agent '{id}' is defined (defined: {known}); define it in agents.definitions or correct the id"));
                return null;
            }

            return WorkflowTarget.Agent(id);
        }

        var type = ReadString(path, rule, "tell-type", problems, required: true, "");
        if (type is null)
        {
            return null;
        }

        if (!types.Contains(type))
        {
            problems.Add(Problem($"{path}.tell-type", tellType!, types.UnknownTypeMessage(type)));
            return null;
        }

        return WorkflowTarget.AgentsOfType(type);
    }

    private static JsonElement? BindArguments(string path, HoconObject rule, List<string> problems)
    {
        if (!rule.TryGetValue("arguments", out var arguments) || arguments is HoconNull)
        {
            return null;
        }

        if (arguments is not HoconObject argumentsObject)
        {
            problems.Add(Problem($"{path}.arguments", arguments, "must be an object, e.g. arguments { dataset = \"holdout\" }"));
            return null;
        }

        if (argumentsObject.ContainsKey(WorkflowArguments.TriggerField))
        {
            problems.Add(Problem($"{path}.arguments.{WorkflowArguments.TriggerField}", argumentsObject[WorkflowArguments.TriggerField],
                "is reserved: the engine puts the triggering event there; rename the argument"));
            return null;
        }

        using var document = JsonDocument.Parse(argumentsObject.ToJson(indented: false));
        return document.RootElement.Clone();
    }

    private static SubscriptionStart BindFrom(string path, HoconObject rule, List<string> problems)
    {
        switch (ReadString(path, rule, "from", problems, required: false, ""))
        {
            case null or "beginning":
                return SubscriptionStart.Beginning;
            case "end":
                return SubscriptionStart.End;
            case var other:
                problems.Add(Problem($"{path}.from", rule["from"], $"'{other}' is not where the rule's subscription begins: it must be beginning or end"));
                return SubscriptionStart.Beginning;
        }
    }

    private static string? ReadString(string path, HoconObject rule, string key, List<string> problems, bool required, string missing)
    {
        if (!rule.TryGetValue(key, out var value) || value is HoconNull)
        {
            if (required)
            {
                problems.Add($"{path}.{key}: {missing}");
            }

            return null;
        }

        if (value is not HoconString { Value: var text } || string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem($"{path}.{key}", value, $"is {HoconSetting.Describe(value)}; it must be a non-empty string"));
            return null;
        }

        return text;
    }

    private static string Problem(string path, HoconValue value, string message)
    {
        var origin = value.Origin;
        return origin.Line > 0 ? $"{path}: {message} (at {origin})" : $"{path}: {message}";
    }
}
