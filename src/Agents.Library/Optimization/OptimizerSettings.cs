using System.Globalization;
using System.Text.Json;
using Agents.Hocon;
using Agents.Platform.Agents;

namespace Agents.Library.Optimization;

/// <summary>The settings of a <c>hyperparameter-optimizer</c> agent, read from its definition's <c>settings</c>.</summary>
/// <param name="OptimizationId">Names the optimization in every event it publishes and receives; <value>default: the agent's id</value>.</param>
/// <param name="Space">The search space (setting <c>space</c>, required; see <see cref="SearchSpace"/>).</param>
/// <param name="Trials">The trial budget (setting <c>trials</c>); <value>default 20</value>.</param>
/// <param name="Parallel">How many trials run at once (setting <c>parallel</c>); <value>default 1</value>.</param>
/// <param name="TrialTimeout">How long a trial may run before it is recorded as timed out (setting <c>trial-timeout</c>, a HOCON duration such as <c>10m</c>); <value>default 30 minutes</value>.</param>
/// <param name="Launch">The agent type defined for each trial's run (setting <c>launch</c>); <value>default empty: an external runner reacts to <c>training.start</c></value>.</param>
/// <param name="RunSettings">Settings copied into each launched run's settings beside its parameters, such as <c>epochs</c> (setting <c>run-settings</c>); <value>default none</value>.</param>
/// <param name="Seed">The random seed (setting <c>seed</c>); <value>default 0</value>.</param>
/// <param name="Maximize">Whether a higher score is better (setting <c>goal</c>: <c>minimize</c> or <c>maximize</c>); <value>default minimize</value>.</param>
/// <param name="InitialRandom">How many trials are drawn at random before the model is used (setting <c>initial-random</c>); <value>default 5 or twice the parameters, whichever is more</value>.</param>
/// <param name="Method">The sampler (setting <c>method</c>: <c>gaussian-process</c> or <c>random</c>); <value>default gaussian-process</value>.</param>
public sealed record OptimizerSettings(
    string OptimizationId, SearchSpace Space, int Trials, int Parallel, TimeSpan TrialTimeout, string Launch, JsonElement? RunSettings,
    int Seed, bool Maximize, int InitialRandom, string Method)
{
    /// <summary>The <c>method</c> of Bayesian optimization with a Gaussian process and expected improvement.</summary>
    public const string GaussianProcessMethod = "gaussian-process";

    /// <summary>The <c>method</c> of random search.</summary>
    public const string RandomMethod = "random";

    /// <summary>The default trial budget.</summary>
    public const int DefaultTrials = 20;

    /// <summary>The default trial timeout.</summary>
    public static readonly TimeSpan DefaultTrialTimeout = TimeSpan.FromMinutes(30);

    private static readonly string[] s_known =
        ["optimizationId", "space", "trials", "parallel", "trial-timeout", "launch", "run-settings", "seed", "goal", "initial-random", "method"];

    /// <summary>The sampler these settings ask for.</summary>
    public ITrialSampler CreateSampler() => Method == RandomMethod
        ? new RandomSampler(Space, Seed)
        : new GaussianProcessSampler(Space, Seed, InitialRandom);

    /// <summary>Reads the settings of <paramref name="definition"/>.</summary>
    /// <exception cref="AgentDefinitionException">A setting is missing or invalid; the field names it (such as <c>settings.space.lr.low</c>).</exception>
    public static OptimizerSettings Read(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = definition.Id;
        if (definition.Settings is not { ValueKind: JsonValueKind.Object } settings)
        {
            throw new AgentDefinitionException(id, "settings",
                "a hyperparameter optimizer needs settings with at least a space, such as { \"space\": { \"lr\": { \"kind\": \"log_uniform\", \"low\": 1e-4, \"high\": 0.1 } }, \"trials\": 12 }.");
        }

        foreach (var property in settings.EnumerateObject())
        {
            if (!s_known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new AgentDefinitionException(id, $"settings.{property.Name}",
                    $"is not a setting of a hyperparameter optimizer; its settings are {string.Join(", ", s_known)}.");
            }
        }

        if (!settings.TryGetProperty("space", out var spaceElement))
        {
            throw new AgentDefinitionException(id, "settings.space",
                "is missing; give the parameters to search, such as { \"lr\": { \"kind\": \"log_uniform\", \"low\": 1e-4, \"high\": 0.1 } }.");
        }

        SearchSpace space;
        try
        {
            space = SearchSpace.Parse(spaceElement);
        }
        catch (SearchSpaceException e)
        {
            var path = e.Path.Length == 0 ? "settings.space" : $"settings.space.{e.Path}";
            throw new AgentDefinitionException(id, path, e.Message);
        }

        var optimizationId = String(id, settings, "optimizationId") ?? id;
        var launch = String(id, settings, "launch") ?? string.Empty;
        if (launch.Length > 0 && !AgentNames.IsValid($"{optimizationId}-trial-1"))
        {
            throw new AgentDefinitionException(id, "settings.optimizationId",
                $"'{optimizationId}' cannot name the runs it launches ('<optimizationId>-trial-<n>' must be an agent id): use ASCII letters, digits, '-', '_' and '.'.");
        }

        if (launch.Length > 0 && !AgentNames.IsValid(launch))
        {
            throw new AgentDefinitionException(id, "settings.launch", $"'{launch}' is not an agent type name; give the type each trial's run is defined with, such as training-run, or leave it empty for an external runner.");
        }

        JsonElement? runSettings = null;
        if (settings.TryGetProperty("run-settings", out var runElement) && runElement.ValueKind != JsonValueKind.Null)
        {
            if (runElement.ValueKind != JsonValueKind.Object)
            {
                throw new AgentDefinitionException(id, "settings.run-settings", $"must be an object such as {{ \"epochs\": 40 }}, not {runElement.GetRawText()}.");
            }

            runSettings = runElement.Clone();
        }

        var goal = String(id, settings, "goal") ?? "minimize";
        if (goal is not ("minimize" or "maximize"))
        {
            throw new AgentDefinitionException(id, "settings.goal", $"'{goal}' is not a goal; give minimize (the default: lower scores are better) or maximize.");
        }

        var method = String(id, settings, "method") ?? GaussianProcessMethod;
        if (method is not (GaussianProcessMethod or RandomMethod))
        {
            throw new AgentDefinitionException(id, "settings.method", $"'{method}' is not a method; give {GaussianProcessMethod} (the default) or {RandomMethod}.");
        }

        return new OptimizerSettings(
            optimizationId,
            space,
            Integer(id, settings, "trials", DefaultTrials, 1),
            Integer(id, settings, "parallel", 1, 1),
            Duration(id, settings, "trial-timeout", DefaultTrialTimeout),
            launch,
            runSettings,
            Integer(id, settings, "seed", 0, int.MinValue),
            goal == "maximize",
            Integer(id, settings, "initial-random", GaussianProcessSampler.DefaultInitialRandom(space), 0),
            method);
    }

    private static string? String(string id, JsonElement settings, string name)
    {
        if (!settings.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new AgentDefinitionException(id, $"settings.{name}", $"{element.GetRawText()} is not a string.");
    }

    private static int Integer(string id, JsonElement settings, string name, int fallback, int minimum)
    {
        if (!settings.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < minimum)
        {
            throw new AgentDefinitionException(id, $"settings.{name}",
                $"{element.GetRawText()} is not a whole number of at least {minimum.ToString(CultureInfo.InvariantCulture)} (default {fallback.ToString(CultureInfo.InvariantCulture)}).");
        }

        return value;
    }

    private static TimeSpan Duration(string id, JsonElement settings, string name, TimeSpan fallback)
    {
        if (!settings.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        TimeSpan value;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var milliseconds) && double.IsFinite(milliseconds))
        {
            value = TimeSpan.FromMilliseconds(milliseconds);
        }
        else if (element.ValueKind != JsonValueKind.String || !HoconDuration.TryParse(element.GetString()!, out value))
        {
            throw new AgentDefinitionException(id, $"settings.{name}",
                $"{element.GetRawText()} is not a duration; give one such as \"10m\" or \"90s\" (a bare number is milliseconds).");
        }

        return value > TimeSpan.Zero
            ? value
            : throw new AgentDefinitionException(id, $"settings.{name}", $"{element.GetRawText()} is not a positive duration; give one such as \"10m\".");
    }
}
