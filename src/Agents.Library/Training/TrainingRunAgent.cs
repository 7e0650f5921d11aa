using System.Text.Json;
using Agents.Actors;
using Agents.Platform.Agents;

namespace Agents.Library.Training;

/// <summary>
/// The agent type <c>training-run</c>: a simulated training job, what the demo trains and what optimizer trials run
/// on. Each epoch (every <c>epoch-interval</c>, on the actor's own timer) it computes the next point of a seeded
/// <see cref="LossCurve"/>, journals an <see cref="EpochCompleted"/> (and every <c>checkpoint-every</c> epochs a
/// <see cref="CheckpointSaved"/>), and publishes <c>training.epoch_complete</c> (and <c>training.checkpoint_saved</c>).
/// When it reaches <c>epochs</c>, when its loss is no longer a number, or when it is told to stop, it journals a
/// <see cref="TrainingRunFinished"/> and publishes <c>training.complete</c>. A restarted run continues at the next
/// epoch; a finished one never trains again.
/// </summary>
/// <remarks>
/// <para>Settings (kebab-case; camelCase accepted), see <see cref="TrainingRunSettings"/>: <c>profile</c>
/// (<c>converges</c> | <c>overfits</c> | <c>diverges</c>) or <c>parameters</c> (an optimizer trial's
/// <c>{ learning_rate, dropout, batch_size, layers, weight_decay }</c>, see <see cref="TrainingParameters"/>) with
/// <c>optimization-id</c> and <c>trial</c>; <c>epochs</c> (default 50), <c>epoch-interval</c> (default 1s),
/// <c>seed</c> (default: a hash of the agent's id) and <c>checkpoint-every</c> (default 5). A run with neither profile
/// nor parameters is idle until the <c>start</c> command.</para>
/// <para>Commands: <c>start</c> <c>{ parameters | profile, optimizationId?, trial? }</c> starts an idle run;
/// <c>stop</c> <c>{ reason? }</c> ends the run with status <c>stopped</c>; <c>rollback_to_checkpoint</c>
/// <c>{ epoch }</c> restores the latest checkpoint at or before that epoch as the run's current and best metrics (a
/// running run continues after it); <c>status</c> answers the run's state as JSON; and <c>ping</c>.</para>
/// <para>Each epoch is journaled before it is published. When a publish fails the agent fails and its host restarts
/// it; it continues with the next epoch, so readers may miss that one epoch (the monitor needs no gapless epochs).</para>
/// </remarks>
public sealed partial class TrainingRunAgent : AgentBase
{
    /// <summary>The type name the training run is registered under.</summary>
    /// <value><c>training-run</c></value>
    public const string TypeName = "training-run";

    private static readonly object s_epochTimer = new EpochTimerKey();

    private readonly TrainingRunSettings _settings;
    private readonly SortedDictionary<int, EpochMetrics> _checkpoints = [];
    private TrainingRunStarted? _started;
    private LossCurve? _curve;
    private TrainingRunFinished? _finished;
    private int _epoch;
    private EpochMetrics? _current;
    private int _bestEpoch;
    private EpochMetrics? _best;

    /// <summary>Creates the run that <paramref name="definition"/> describes.</summary>
    /// <param name="definition">Its definition; see the type's remarks for its settings.</param>
    /// <exception cref="AgentDefinitionException">The definition or a setting is invalid.</exception>
    public TrainingRunAgent(AgentDefinition definition)
        : base(definition)
    {
        _settings = TrainingRunSettings.Read(definition);
        Recover<TrainingRunStarted>(Apply);
        Recover<EpochCompleted>(Apply);
        Recover<CheckpointSaved>(Apply);
        Recover<CheckpointRestored>(Apply);
        Recover<TrainingRunFinished>(Apply);
        CommandAsync<EpochDue>(_ => RunEpochAsync());
    }

    /// <summary>Registers the <c>training-run</c> type in <paramref name="registry"/>; its props check the settings first.</summary>
    /// <param name="registry">The node's agent types.</param>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(TypeName, definition =>
        {
            Validate(definition);
            TrainingRunSettings.Read(definition);
            return WithMailboxLimit(Props.Create(() => new TrainingRunAgent(definition)), definition);
        });
    }

    /// <inheritdoc />
    protected override void OnRecovered()
    {
        if (_finished is not null)
        {
            return;
        }

        if (_started is not null)
        {
            Begin();
        }
        else if (_settings.StartsAtOnce)
        {
            var started = new TrainingRunStarted(
                _settings.Profile?.ToString().ToLowerInvariant(), _settings.Parameters, _settings.OptimizationId, _settings.Trial);
            Persist(started, e =>
            {
                Apply(e);
                Begin();
            });
        }
    }

    private void Begin()
    {
        TrainingLog.RunStarted(Log, Id, _started!.Profile ?? "parameters " + _started.Parameters?.GetRawText(), _settings.Epochs);
        Timers.StartPeriodicTimer(s_epochTimer, EpochDue.Instance, _settings.EpochInterval);
    }

    private async Task RunEpochAsync()
    {
        if (_curve is null || _finished is not null)
        {
            return;
        }

        if (_current is { IsFinite: false } || _epoch >= _settings.Epochs)
        {
            // The previous incarnation journaled its last epoch but stopped before it journaled the end.
            await FinishEndedAsync(_current!);
            return;
        }

        var epoch = _epoch + 1;
        var metrics = _curve.At(epoch);
        var completed = new EpochCompleted(epoch, metrics.TrainingLoss, metrics.ValidationLoss, metrics.Accuracy);
        var checkpoint = metrics.IsFinite && epoch % _settings.CheckpointEvery == 0
            ? new CheckpointSaved(epoch, metrics.TrainingLoss, metrics.ValidationLoss, metrics.Accuracy)
            : null;
        await PersistAllAndWaitAsync<object>(checkpoint is null ? [completed] : [completed, checkpoint]);
        Apply(completed);
        await PublishAsync(TrainingTopics.EpochComplete, TrainingJson.Payload(new
        {
            runId = Id,
            epoch,
            trainingLoss = metrics.TrainingLoss,
            validationLoss = metrics.ValidationLoss,
            accuracy = metrics.Accuracy,
        }));
        if (checkpoint is not null)
        {
            Apply(checkpoint);
            await PublishAsync(TrainingTopics.CheckpointSaved, TrainingJson.Payload(new { runId = Id, epoch, validationLoss = metrics.ValidationLoss }));
        }

        if (!metrics.IsFinite || epoch >= _settings.Epochs)
        {
            await FinishEndedAsync(metrics);
        }
    }

    /// <summary>Ends a run whose latest epoch (<paramref name="latest"/>) was not a number or was its last.</summary>
    private Task FinishEndedAsync(EpochMetrics latest) => latest.IsFinite
        ? FinishAsync(TrainingStatus.Completed, $"reached the maximum of {_settings.Epochs} epochs")
        : FinishAsync(TrainingStatus.Diverged, "nan_loss");

    private async Task FinishAsync(string status, string reason)
    {
        Timers.Cancel(s_epochTimer);
        var finished = new TrainingRunFinished(status, reason, _epoch, _bestEpoch, _best?.ValidationLoss ?? double.NaN);
        await PersistAndWaitAsync(finished);
        Apply(finished);
        TrainingLog.RunFinished(Log, Id, status, _epoch, reason, _bestEpoch);
        await PublishAsync(TrainingTopics.Complete, TrainingJson.Payload(new
        {
            runId = Id,
            optimizationId = _started?.OptimizationId,
            trial = _started?.Trial,
            status,
            epochs = _epoch,
            bestEpoch = _bestEpoch,
            metrics = _current,
            score = _best?.ValidationLoss,
        }));
    }

    private void Apply(TrainingRunStarted started)
    {
        _started = started;
        _curve = started.Profile is { } profile
            ? LossCurve.For(TrainingRunSettings.ParseProfile(profile) ?? TrainingProfile.Converges, _settings.Epochs, _settings.Seed)
            : LossCurve.For(ParametersOf(started), _settings.Epochs, _settings.Seed);
    }

    private void Apply(EpochCompleted completed)
    {
        _epoch = completed.Epoch;
        _current = completed.Metrics;
        if (double.IsFinite(completed.ValidationLoss) && (_best is null || completed.ValidationLoss < _best.ValidationLoss))
        {
            _best = completed.Metrics;
            _bestEpoch = completed.Epoch;
        }
    }

    private void Apply(CheckpointSaved checkpoint) => _checkpoints[checkpoint.Epoch] = checkpoint.Metrics;

    private void Apply(CheckpointRestored restored)
    {
        var metrics = _checkpoints[restored.Epoch];
        _current = metrics;
        _best = metrics;
        _bestEpoch = restored.Epoch;
        if (_finished is null)
        {
            _epoch = restored.Epoch;
        }
    }

    private void Apply(TrainingRunFinished finished) => _finished = finished;

    private static TrainingParameters ParametersOf(TrainingRunStarted started) =>
        started.Parameters is { } parameters && TrainingParameters.TryParse(parameters, out var read, out _) ? read : new TrainingParameters();

    /// <summary>The key of the epoch timer.</summary>
    private sealed record EpochTimerKey;

    /// <summary>The epoch timer fired: run the next epoch.</summary>
    private sealed class EpochDue
    {
        private EpochDue()
        {
        }

        public static EpochDue Instance { get; } = new();
    }
}
