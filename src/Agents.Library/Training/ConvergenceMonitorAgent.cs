using System.Text.Json;
using Agents.Actors;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;

namespace Agents.Library.Training;

/// <summary>
/// The agent type <c>convergence-monitor</c>: follows the epochs of every training run on
/// <c>training.epoch_complete</c> (give the definition <c>subscribes = ["training.epoch_complete"]</c>; events on
/// other topics are ignored) and decides, per run id:
/// <list type="bullet">
/// <item>early stop: at every epoch divisible by <c>check-every</c> it checks the validation loss; after
/// <c>patience</c> checks in a row that did not improve on the best (by more than <c>min-delta</c>) it publishes
/// <c>training.early_stop</c> <c>{ runId, reason: "overfitting_detected", bestEpoch, epoch, bestValidationLoss }</c> and
/// tells the run <c>stop</c>, then <c>rollback_to_checkpoint { epoch: bestEpoch }</c>;</item>
/// <item>convergence: when the latest <c>plateau-window</c> checks spread by less than <c>tolerance</c> (relative) and
/// the latest is not worse than the first, it publishes <c>model.convergence.detected</c>
/// <c>{ runId, reason: "validation_plateau", epoch, metrics }</c> (the run keeps training);</item>
/// <item>divergence: at any epoch, a loss that is NaN or infinite (<c>nan_loss</c>) or a training loss above
/// <c>divergence-factor</c> times the first one it saw (<c>loss_exploded</c>) makes it publish
/// <c>training.diverged</c> <c>{ runId, reason, epoch, trainingLoss }</c> and tell the run <c>stop</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>Runs are told through the agent directory (<see cref="IAgentDirectory"/> of the node's platform), off the
/// monitor's turn; a run id that no agent has is an external job, and the decision is only published. Nothing here
/// depends on <see cref="TrainingRunAgent"/>: a real job reporting through the API is followed the same way.</para>
/// <para>State is event-sourced per run (<see cref="MonitoredRunBaseline"/>, <see cref="ValidationChecked"/>,
/// <see cref="TrainingDecision"/>): a restarted monitor continues where it was. Each decision is journaled with its
/// reason together with the check that led to it, and then published; a run gets each kind at most once, also
/// across restarts (so a publish that fails after the journal write is logged and not repeated; the journal keeps the
/// decision). After an early stop or a divergence the monitor ignores the run's later epochs.</para>
/// <para>Settings: see <see cref="ConvergenceMonitorSettings"/>.</para>
/// </remarks>
public sealed class ConvergenceMonitorAgent : AgentBase
{
    /// <summary>The type name the monitor is registered under.</summary>
    /// <value><c>convergence-monitor</c></value>
    public const string TypeName = "convergence-monitor";

    /// <summary>The reason of an early stop.</summary>
    /// <value><c>overfitting_detected</c></value>
    public const string OverfittingReason = "overfitting_detected";

    /// <summary>The reason of a convergence.</summary>
    /// <value><c>validation_plateau</c></value>
    public const string PlateauReason = "validation_plateau";

    /// <summary>The reason of a divergence whose loss is not a number.</summary>
    /// <value><c>nan_loss</c></value>
    public const string NotANumberReason = "nan_loss";

    /// <summary>The reason of a divergence whose loss grew past the bound.</summary>
    /// <value><c>loss_exploded</c></value>
    public const string ExplodedReason = "loss_exploded";

    private readonly ConvergenceMonitorSettings _settings;
    private readonly Dictionary<string, MonitoredRun> _runs = new(StringComparer.Ordinal);

    /// <summary>Creates the monitor that <paramref name="definition"/> describes.</summary>
    /// <param name="definition">Its definition; see <see cref="ConvergenceMonitorSettings"/> for its settings.</param>
    /// <exception cref="AgentDefinitionException">The definition or a setting is invalid.</exception>
    public ConvergenceMonitorAgent(AgentDefinition definition)
        : base(definition)
    {
        _settings = ConvergenceMonitorSettings.Read(definition);
        Recover<MonitoredRunBaseline>(baseline => RunOf(baseline.RunId).Apply(baseline));
        Recover<ValidationChecked>(check => RunOf(check.RunId).Apply(check, _settings));
        Recover<TrainingDecision>(decision => RunOf(decision.RunId).Apply(decision));
    }

    /// <summary>Registers the <c>convergence-monitor</c> type in <paramref name="registry"/>; its props check the settings first.</summary>
    /// <param name="registry">The node's agent types.</param>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(definition);
            ConvergenceMonitorSettings.Read(definition);
            return WithMailboxLimit(Props.Create(() => new ConvergenceMonitorAgent(definition)), definition);
        });
    }

    /// <inheritdoc />
    protected override async Task OnEventAsync(TopicEvent topicEvent)
    {
        ArgumentNullException.ThrowIfNull(topicEvent);
        var envelope = topicEvent.Envelope;
        if (!string.Equals(envelope.Topic, TrainingTopics.EpochComplete, StringComparison.Ordinal))
        {
            return;
        }

        if (!TryRead(envelope.Payload, out var runId, out var epoch, out var metrics, out var problem))
        {
            TrainingLog.PayloadIgnored(Log, Id, envelope.Topic, envelope.Offset.ToString(), problem);
            return;
        }

        var run = RunOf(runId);
        if (run.Ended)
        {
            return;
        }

        var events = new List<object>();
        var decisions = new List<TrainingDecision>();
        if (run.BaselineLoss is null && double.IsFinite(metrics.TrainingLoss))
        {
            var baseline = new MonitoredRunBaseline(runId, epoch, metrics.TrainingLoss);
            run.Apply(baseline);
            events.Add(baseline);
        }

        if (DivergenceOf(run, metrics) is { } divergence)
        {
            decisions.Add(Decision(run, TrainingTopics.Diverged, divergence, epoch,
                new { runId, reason = divergence, epoch, trainingLoss = metrics.TrainingLoss }));
        }
        else if (epoch % _settings.CheckEvery == 0 && epoch > run.LastCheckedEpoch)
        {
            var check = new ValidationChecked(runId, epoch, metrics.TrainingLoss, metrics.ValidationLoss, metrics.Accuracy);
            run.Apply(check, _settings);
            events.Add(check);
            if (!run.HasDecided(TrainingTopics.ConvergenceDetected) && run.OnPlateau(_settings))
            {
                decisions.Add(Decision(run, TrainingTopics.ConvergenceDetected, PlateauReason, epoch,
                    new { runId, reason = PlateauReason, epoch, metrics }));
            }

            if (run.PatienceExhausted(_settings))
            {
                decisions.Add(Decision(run, TrainingTopics.EarlyStop, OverfittingReason, epoch,
                    new { runId, reason = OverfittingReason, bestEpoch = run.BestEpoch, epoch, bestValidationLoss = run.BestValidationLoss }));
            }
        }

        events.AddRange(decisions);
        if (events.Count == 0)
        {
            return;
        }

        await PersistAllAndWaitAsync(events);
        foreach (var decision in decisions)
        {
            TrainingLog.Decided(Log, Id, decision.Topic, runId, epoch, decision.Reason);
            await AnnounceAsync(decision);
        }

        if (decisions.Find(d => d.EndsRun) is { } ending)
        {
            TellRun(runId, ending, ending.Topic == TrainingTopics.EarlyStop ? run.BestEpoch : null);
        }
    }

    /// <summary>
    /// Publishes a journaled decision. A failed publish is logged, not thrown: failing the monitor would not publish
    /// it again (the decision is journaled, so a restarted monitor knows it was taken) and the run would never be told.
    /// </summary>
    private async Task AnnounceAsync(TrainingDecision decision)
    {
        try
        {
            await PublishAsync(decision.Topic, new JsonPayload(decision.Payload), StoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TrainingLog.DecisionNotPublished(Log, Id, decision.Topic, decision.RunId, e);
        }
    }

    /// <inheritdoc />
    protected override Task OnActionCompletedAsync(AgentActionCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (completed.Result is RunTold told)
        {
            if (told.External)
            {
                TrainingLog.ExternalRun(Log, Id, told.RunId);
            }

            foreach (var answer in told.Answers.Where(a => !a.Accepted))
            {
                TrainingLog.CommandNotCarriedOut(Log, Id, told.RunId, answer.Command, answer.Message);
            }
        }

        return Task.CompletedTask;
    }

    private MonitoredRun RunOf(string runId)
    {
        if (!_runs.TryGetValue(runId, out var run))
        {
            run = new MonitoredRun(runId);
            _runs.Add(runId, run);
        }

        return run;
    }

    private string? DivergenceOf(MonitoredRun run, EpochMetrics metrics)
    {
        if (!metrics.IsFinite)
        {
            return NotANumberReason;
        }

        return run.BaselineLoss is { } first && metrics.TrainingLoss > _settings.DivergenceFactor * first ? ExplodedReason : null;
    }

    private static TrainingDecision Decision(MonitoredRun run, string topic, string reason, int epoch, object payload)
    {
        var decision = new TrainingDecision(run.RunId, topic, reason, epoch, TrainingJson.Payload(payload).Document);
        run.Apply(decision);
        return decision;
    }

    /// <summary>
    /// Tells the run to stop (and, after an early stop, to roll back to <paramref name="rollbackTo"/>) through the
    /// directory, off the monitor's turn so that a slow run does not hold the monitor's other runs back.
    /// </summary>
    private void TellRun(string runId, TrainingDecision decision, int? rollbackTo)
    {
        IAgentDirectory? directory = Context.System.TryGetExtension<AgentPlatform>(out var platform)
            ? platform
            : Context.System.TryGetExtension<IAgentDirectory>(out var other) ? other : null;
        if (directory is null)
        {
            TrainingLog.CommandNotCarriedOut(Log, Id, runId, TrainingRunAgent.StopCommand, "this node has no agent platform");
            return;
        }

        var timeout = _settings.CommandTimeout;
        var stop = new AgentCommand(TrainingRunAgent.StopCommand, JsonSerializer.SerializeToElement(
            new { reason = $"{decision.Reason} (monitor {Id}, epoch {decision.Epoch})" }, TrainingJson.Options));
        var rollback = rollbackTo is { } epoch
            ? new AgentCommand(TrainingRunAgent.RollbackCommand, JsonSerializer.SerializeToElement(new { epoch }, TrainingJson.Options))
            : null;
        StartAction("tell-" + runId, async cancellationToken =>
        {
            var answers = new List<AgentCommandResult>();
            try
            {
                answers.Add(await directory.TellAsync(runId, stop, timeout, cancellationToken).ConfigureAwait(false));
                if (rollback is not null)
                {
                    answers.Add(await directory.TellAsync(runId, rollback, timeout, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (UnknownAgentException)
            {
                return new RunTold(runId, External: true, answers);
            }

            return new RunTold(runId, External: false, answers);
        });
    }

    private static bool TryRead(object payload, out string runId, out int epoch, out EpochMetrics metrics, out string problem)
    {
        runId = string.Empty;
        epoch = 0;
        metrics = new EpochMetrics(double.NaN, double.NaN, double.NaN);
        JsonElement document;
        try
        {
            document = TrainingJson.Document(payload);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            problem = $"the payload cannot be read as JSON ({e.Message})";
            return false;
        }

        if (!TrainingJson.TryString(document, "runId", out runId))
        {
            problem = "it has no runId (a string)";
            return false;
        }

        if (!TrainingJson.TryInt(document, "epoch", out epoch) || epoch < 1)
        {
            problem = $"run '{runId}': epoch must be a whole number of at least 1";
            return false;
        }

        if (!TrainingJson.TryNumber(document, "trainingLoss", out var training) || !TrainingJson.TryNumber(document, "validationLoss", out var validation))
        {
            problem = $"run '{runId}' epoch {epoch}: trainingLoss and validationLoss must be numbers (or \"NaN\")";
            return false;
        }

        TrainingJson.TryNumber(document, "accuracy", out var accuracy);
        metrics = new EpochMetrics(training, validation, accuracy);
        problem = string.Empty;
        return true;
    }

    /// <summary>What telling a run came to: its answers, or that no agent has its id.</summary>
    private sealed record RunTold(string RunId, bool External, IReadOnlyList<AgentCommandResult> Answers);
}
