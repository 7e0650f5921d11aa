using System.Globalization;
using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;

namespace Agents.Library.Optimization;

/// <summary>
/// The agent type <c>hyperparameter-optimizer</c>: searches a space of training parameters with Bayesian optimization
/// (a Gaussian process with expected improvement, see <see cref="GaussianProcessSampler"/>). For each trial it
/// publishes <c>training.start</c> (and, with setting <c>launch</c>, first defines the run's agent), keeps up to
/// <c>parallel</c> trials running, records each trial's <c>training.complete</c> (or its timeout), publishes
/// <c>optimization.trial_complete</c> after each and <c>optimization.complete</c> with the best parameters when the
/// budget is used. Settings: <see cref="OptimizerSettings"/>.
/// </summary>
/// <remarks>
/// <para>Every decision is an event (<see cref="TrialProposed"/>, <see cref="TrialStarted"/>, <see cref="TrialCompleted"/>,
/// <see cref="TrialTimedOut"/>, <see cref="OptimizationCompleted"/>, <see cref="OptimizationStopped"/>): a restarted
/// optimizer launches what it had proposed but not launched, waits for its running trials with their original
/// deadlines, never repeats a finished trial, and refits the model from the recorded scores. Proposals depend only on
/// the seed, the trial number and the recorded history, so a restart proposes what the first incarnation would have.</para>
/// <para>The agent always subscribes to <c>training.complete</c> (added to its definition's subscriptions) and acts on
/// the events of its own optimization id. Commands: <c>status</c> (the trials so far and the best) and <c>stop</c>
/// (no more trials; launched runs are told to stop), and <c>ping</c>.</para>
/// </remarks>
public sealed partial class HyperparameterOptimizerAgent : AgentBase
{
    /// <summary>The type name the optimizer is registered under.</summary>
    /// <value><c>hyperparameter-optimizer</c></value>
    public const string TypeName = "hyperparameter-optimizer";

    /// <summary>The command that answers the trials so far and the best one.</summary>
    /// <value><c>status</c></value>
    public const string StatusCommand = "status";

    /// <summary>The command that stops the optimization.</summary>
    /// <value><c>stop</c></value>
    public const string StopCommand = "stop";

    /// <summary>The topic a run reports its end on, which the optimizer always subscribes to.</summary>
    /// <value><c>training.complete</c></value>
    public const string CompleteTopic = "training.complete";

    private static readonly TimeSpan s_tellTimeout = TimeSpan.FromSeconds(10);

    private readonly OptimizerSettings _settings;
    private readonly ITrialSampler _sampler;
    private readonly IAgentDirectory? _directory;
    private readonly SortedDictionary<int, OptimizationTrial> _trials = [];
    private bool _completed;
    private bool _stopped;

    /// <summary>Creates the optimizer that <paramref name="definition"/> describes.</summary>
    /// <param name="definition">Its definition; settings in <see cref="OptimizerSettings"/>.</param>
    /// <param name="directory">Where runs are defined when <c>launch</c> is set; null for the platform of the actor system.</param>
    /// <exception cref="AgentDefinitionException">The definition or a setting is invalid.</exception>
    public HyperparameterOptimizerAgent(AgentDefinition definition, IAgentDirectory? directory = null)
        : base(WithCompleteTopic(definition))
    {
        _settings = OptimizerSettings.Read(definition);
        _sampler = _settings.CreateSampler();
        _directory = directory;
        Recover<TrialProposed>(Apply);
        Recover<TrialStarted>(Apply);
        Recover<TrialCompleted>(Apply);
        Recover<TrialTimedOut>(Apply);
        Recover<OptimizationCompleted>(Apply);
        Recover<OptimizationStopped>(Apply);
        CommandAsync<TrialDue>(OnTrialDueAsync);
        CommandAsync<ContinueOptimization>(_ => AdvanceAsync());
    }

    /// <summary>The optimizer's journaled event types, for the serializer's manifest registry.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
        [typeof(TrialProposed), typeof(TrialStarted), typeof(TrialCompleted), typeof(TrialTimedOut), typeof(OptimizationCompleted), typeof(OptimizationStopped)];

    /// <inheritdoc />
    protected override IReadOnlyList<string> KnownCommands => [.. base.KnownCommands, StatusCommand, StopCommand];

    /// <summary>
    /// Registers the <c>hyperparameter-optimizer</c> type in <paramref name="registry"/>. Its props check the definition
    /// and settings (and that a <c>launch</c> type is registered) so that a bad one is refused when the props are made.
    /// </summary>
    /// <param name="registry">The node's agent types.</param>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(definition);
            var settings = OptimizerSettings.Read(definition);
            if (settings.Launch.Length > 0 && !registry.Contains(settings.Launch))
            {
                throw new AgentDefinitionException(definition.Id, "settings.launch",
                    $"'{settings.Launch}' is not a registered agent type (registered: {string.Join(", ", registry.Names)}); give the type of the runs to launch, or leave it empty for an external runner.");
            }

            return WithMailboxLimit(Props.Create(() => new HyperparameterOptimizerAgent(definition, null)), definition);
        });
    }

    /// <inheritdoc />
    protected override void OnRecovered()
    {
        var now = Now;
        foreach (var trial in _trials.Values.Where(t => t.IsRunning))
        {
            StartDeadlineTimer(trial, now);
        }

        Self.Tell(ContinueOptimization.Instance, Self);
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        ArgumentNullException.ThrowIfNull(topicEvent);
        var envelope = topicEvent.Envelope;
        if (envelope.Topic != CompleteTopic)
        {
            return;
        }

        var payload = envelope.Payload is JsonPayload json
            ? json.Document
            : JsonSerializer.SerializeToElement(envelope.Payload, envelope.Payload.GetType(), JsonSerializerOptions.Web);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var runId = Text(payload, "runId");
        if (FindTrial(payload, runId) is not { } trial)
        {
            return;
        }

        if (!trial.IsRunning)
        {
            OptimizerLog.Ignored(Log, Id, runId, $"trial {trial.Number} is {trial.Status} already");
            return;
        }

        var runStatus = Text(payload, "status") ?? "completed";
        double? score = payload.TryGetProperty("score", out var scoreElement) && scoreElement.ValueKind == JsonValueKind.Number
            && scoreElement.TryGetDouble(out var value) && double.IsFinite(value) ? value : null;
        var succeeded = runStatus is "completed" or "stopped" && score is not null;
        await RecordAsync(new TrialCompleted(trial.Number, succeeded ? TrialStatus.Completed : TrialStatus.Failed, score, runStatus, Now));
        await AdvanceAsync();
    }

    /// <inheritdoc />
    protected override async Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Name)
        {
            case StatusCommand:
                return Status(command);
            case StopCommand:
                if (_completed || _stopped)
                {
                    return Accept(command, $"Optimization '{_settings.OptimizationId}' is {(_completed ? "completed" : "stopped")} already.", StatusDocument());
                }

                var reason = command.Arguments is { ValueKind: JsonValueKind.Object } arguments && Text(arguments, "reason") is { } given ? given : "stopped by command";
                await PersistAndWaitAsync(new OptimizationStopped(reason, Now));
                Apply(new OptimizationStopped(reason, Now));
                StopRuns(_trials.Values.Where(t => t.IsRunning && t.Started), "optimization_stopped");
                return Accept(command, $"Optimization '{_settings.OptimizationId}' stopped: no more trials; {RunningCount} running trials are still recorded when they report.", StatusDocument());
            default:
                return await base.OnCommandAsync(command);
        }
    }

    private static AgentDefinition WithCompleteTopic(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var subscribes = definition.Subscribes ?? [];
        return subscribes.Contains(CompleteTopic, StringComparer.Ordinal) ? definition : definition with { Subscribes = [.. subscribes, CompleteTopic] };
    }

    private OptimizationTrial? FindTrial(JsonElement payload, string? runId)
    {
        var optimizationId = Text(payload, "optimizationId");
        if (optimizationId is not null && optimizationId != _settings.OptimizationId)
        {
            return null;
        }

        if (optimizationId is not null && payload.TryGetProperty("trial", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var n)
            && _trials.TryGetValue(n, out var byNumber) && (runId is null || runId == byNumber.RunId))
        {
            return byNumber;
        }

        var byRun = runId is null ? null : _trials.Values.FirstOrDefault(t => t.RunId == runId);
        if (byRun is null && optimizationId is not null)
        {
            OptimizerLog.Ignored(Log, Id, runId, "no trial of this optimization has that run id or trial number");
        }

        return byRun;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Continue after recovery: launch what was proposed, propose into free slots, complete when done.</summary>
    private sealed class ContinueOptimization
    {
        public static readonly ContinueOptimization Instance = new();
    }

    /// <summary>A trial's deadline timer fired.</summary>
    private sealed record TrialDue(int Trial);

    /// <summary>The key of a trial's deadline timer.</summary>
    private sealed record TrialTimerKey(int Trial);
}
