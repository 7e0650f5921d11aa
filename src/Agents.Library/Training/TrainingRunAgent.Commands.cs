using System.Text.Json;
using Agents.Platform.Agents;

namespace Agents.Library.Training;

public sealed partial class TrainingRunAgent
{
    /// <summary>The command that starts an idle run: arguments <c>{ parameters | profile, optimizationId?, trial? }</c>.</summary>
    /// <value><c>start</c></value>
    public const string StartCommand = "start";

    /// <summary>The command that ends the run with status <c>stopped</c>: arguments <c>{ reason? }</c>.</summary>
    /// <value><c>stop</c></value>
    public const string StopCommand = "stop";

    /// <summary>The command that restores a checkpoint: arguments <c>{ epoch }</c>.</summary>
    /// <value><c>rollback_to_checkpoint</c></value>
    public const string RollbackCommand = "rollback_to_checkpoint";

    /// <summary>The command that answers the run's state as JSON.</summary>
    /// <value><c>status</c></value>
    public const string StatusCommand = "status";

    /// <inheritdoc />
    protected override IReadOnlyList<string> KnownCommands =>
        [.. base.KnownCommands, StartCommand, StopCommand, RollbackCommand, StatusCommand];

    /// <inheritdoc />
    protected override Task<AgentCommandResult> OnCommandAsync(AgentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Name switch
        {
            StartCommand => StartAsync(command),
            StopCommand => StopAsync(command),
            RollbackCommand => RollbackAsync(command),
            StatusCommand => Task.FromResult(Accept(command, $"Run '{Id}' is {Phase} at epoch {_epoch}.", StatusDocument())),
            _ => base.OnCommandAsync(command),
        };
    }

    private string Phase => _finished?.Status ?? (_started is null ? "idle" : "running");

    private async Task<AgentCommandResult> StartAsync(AgentCommand command)
    {
        if (_started is not null)
        {
            return Reject(command, $"Run '{Id}' is {Phase} already; a run starts once. Define a new run to train again.");
        }

        var arguments = command.Arguments ?? default;
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return Reject(command, "start needs arguments { \"parameters\": { \"learning_rate\": 0.003, ... } } or { \"profile\": \"converges\" }, optionally with optimizationId and trial.");
        }

        string? profile = null;
        if (TrainingJson.TryString(arguments, "profile", out var profileText))
        {
            if (TrainingRunSettings.ParseProfile(profileText) is null)
            {
                return Reject(command, $"'{profileText}' is not a training profile: use converges, overfits or diverges.");
            }

            profile = profileText.ToLowerInvariant();
        }

        JsonElement? parameters = null;
        if (arguments.TryGetProperty("parameters", out var parametersElement) && parametersElement.ValueKind != JsonValueKind.Null)
        {
            if (!TrainingParameters.TryParse(parametersElement, out _, out var error))
            {
                return Reject(command, error);
            }

            parameters = parametersElement.Clone();
        }

        if ((profile is null) == (parameters is null))
        {
            return Reject(command, "start needs either parameters or a profile (not both).");
        }

        var started = new TrainingRunStarted(
            profile, parameters,
            TrainingJson.TryString(arguments, "optimizationId", out var optimizationId) ? optimizationId : null,
            TrainingJson.TryInt(arguments, "trial", out var trial) ? trial : null);
        await PersistAndWaitAsync(started);
        Apply(started);
        Begin();
        return Accept(command, $"Run '{Id}' started; it trains up to {_settings.Epochs} epochs, one every {_settings.EpochInterval}.");
    }

    private async Task<AgentCommandResult> StopAsync(AgentCommand command)
    {
        if (_finished is not null)
        {
            return Accept(command, $"Run '{Id}' ended already ({_finished.Status}).");
        }

        var reason = command.Arguments is { } arguments && TrainingJson.TryString(arguments, "reason", out var given)
            ? given
            : "told to stop";
        await FinishAsync(TrainingStatus.Stopped, reason);
        return Accept(command, $"Run '{Id}' stopped after {_epoch} epochs ({reason}).");
    }

    private async Task<AgentCommandResult> RollbackAsync(AgentCommand command)
    {
        if (command.Arguments is not { } arguments || !TrainingJson.TryInt(arguments, "epoch", out var requested) || requested < 1)
        {
            return Reject(command, "rollback_to_checkpoint needs the epoch to return to: { \"epoch\": 30 } (a whole number of at least 1).");
        }

        var epoch = _checkpoints.Keys.LastOrDefault(e => e <= requested);
        if (epoch == 0)
        {
            return Reject(command, _checkpoints.Count == 0
                ? $"Run '{Id}' has no checkpoint yet (it saves one every {_settings.CheckpointEvery} epochs)."
                : $"Run '{Id}' has no checkpoint at or before epoch {requested}; its first is at epoch {_checkpoints.Keys.First()}.");
        }

        var restored = new CheckpointRestored(epoch, requested);
        await PersistAndWaitAsync(restored);
        Apply(restored);
        TrainingLog.RolledBack(Log, Id, epoch);
        return Accept(command, $"Run '{Id}' rolled back to the checkpoint of epoch {epoch}.", StatusDocument());
    }

    private JsonElement StatusDocument() => JsonSerializer.SerializeToElement(
        new
        {
            runId = Id,
            status = Phase,
            optimizationId = _started?.OptimizationId,
            trial = _started?.Trial,
            epoch = _epoch,
            maxEpochs = _settings.Epochs,
            metrics = _current,
            bestEpoch = _bestEpoch,
            best = _best,
            score = _best?.ValidationLoss,
            checkpoints = _checkpoints.Keys.ToArray(),
            reason = _finished?.Reason,
        },
        TrainingJson.Options);
}
