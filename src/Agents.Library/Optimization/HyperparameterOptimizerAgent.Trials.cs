using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;

namespace Agents.Library.Optimization;

// The trials: proposing, launching, recording, timing out and completing, and the events that rebuild them.
public sealed partial class HyperparameterOptimizerAgent
{
    private int RunningCount => _trials.Values.Count(t => t.IsRunning);

    private int FinishedCount => _trials.Values.Count(t => !t.IsRunning);

    /// <summary>The finished trial with the best score (lowest, or highest when the goal is maximize); null when none has one.</summary>
    private OptimizationTrial? Best => _trials.Values
        .Where(t => t.Status == TrialStatus.Completed && t.Score is not null)
        .OrderBy(t => Oriented(t.Score!.Value))
        .ThenBy(t => t.Number)
        .FirstOrDefault();

    private double Oriented(double score) => _settings.Maximize ? -score : score;

    /// <summary>
    /// Launches proposed trials that were not launched (after a restart), proposes new trials while slots are free and
    /// budget is left, and completes the optimization when every trial of the budget finished.
    /// </summary>
    private async Task AdvanceAsync()
    {
        if (_completed || _stopped)
        {
            return;
        }

        foreach (var trial in _trials.Values.Where(t => t.IsRunning && !t.Started).ToList())
        {
            await LaunchAsync(trial);
        }

        while (!_stopped && RunningCount < _settings.Parallel && _trials.Count < _settings.Trials)
        {
            await LaunchAsync(await ProposeAsync());
        }

        if (!_stopped && _trials.Count >= _settings.Trials && RunningCount == 0)
        {
            await CompleteAsync();
        }
    }

    private async Task<OptimizationTrial> ProposeAsync()
    {
        var number = _trials.Count == 0 ? 1 : _trials.Keys.Max() + 1;
        var observations = new List<Observation>();
        var failed = new List<double[]>();
        var pending = new List<double[]>();
        foreach (var earlier in _trials.Values.Where(t => t.Point is not null))
        {
            switch (earlier.Status)
            {
                case TrialStatus.Completed when earlier.Score is { } score:
                    observations.Add(new Observation(earlier.Point!, Oriented(score)));
                    break;
                case TrialStatus.Running:
                    pending.Add(earlier.Point!);
                    break;
                default:
                    failed.Add(earlier.Point!);
                    break;
            }
        }

        var point = _sampler.Propose(number, observations, failed, pending);
        var now = Now;
        var proposed = new TrialProposed(
            number, $"{_settings.OptimizationId}-trial-{number.ToString(CultureInfo.InvariantCulture)}", _settings.Space.Decode(point), now,
            now + _settings.TrialTimeout);
        await PersistAndWaitAsync(proposed);
        Apply(proposed);
        var trial = _trials[number];
        StartDeadlineTimer(trial, now);
        OptimizerLog.Proposed(Log, Id, number, _settings.Trials, proposed.RunId, proposed.Parameters.GetRawText());
        return trial;
    }

    /// <summary>Defines the trial's run (when <c>launch</c> is set) and publishes <c>training.start</c>; a launch that fails records the trial as failed.</summary>
    private async Task LaunchAsync(OptimizationTrial trial)
    {
        if (_settings.Launch.Length > 0)
        {
            try
            {
                await Directory.DefineAsync(new AgentDefinition(trial.RunId, _settings.Launch, Settings: RunSettings(trial)), StoppingToken);
            }
            catch (Exception e) when (e is AgentDefinitionException or TimeoutException or InvalidOperationException)
            {
                OptimizerLog.LaunchFailed(Log, Id, trial.Number, _settings.Launch, e);
                await RecordAsync(new TrialCompleted(trial.Number, TrialStatus.Failed, null, $"launch failed: {e.Message}", Now));
                return;
            }
        }

        await PublishAsync("training.start", Json(new JsonObject
        {
            ["optimizationId"] = _settings.OptimizationId,
            ["trial"] = trial.Number,
            ["runId"] = trial.RunId,
            ["parameters"] = JsonNode.Parse(trial.Parameters.GetRawText()),
        }));
        var started = new TrialStarted(trial.Number, Now);
        await PersistAndWaitAsync(started);
        Apply(started);
    }

    private IAgentDirectory Directory => _directory ?? Context.System.AgentPlatform();

    private JsonElement RunSettings(OptimizationTrial trial)
    {
        var settings = _settings.RunSettings is { } extra ? JsonNode.Parse(extra.GetRawText())!.AsObject() : [];
        settings["parameters"] = JsonNode.Parse(trial.Parameters.GetRawText());
        settings["optimizationId"] = _settings.OptimizationId;
        settings["trial"] = trial.Number;
        return JsonSerializer.SerializeToElement(settings);
    }

    /// <summary>
    /// Publishes <c>optimization.trial_complete</c> for a trial's end, then journals it. In this order the publication
    /// is at-least-once: after a crash between the two, the trial is still running when the agent recovers, so the
    /// redelivered <c>training.complete</c> (acknowledged only after this handler) or the re-armed deadline records it
    /// again. The state changed here before the journal write is rebuilt from the journal if the write fails.
    /// </summary>
    private async Task RecordAsync(object ended)
    {
        Apply(ended);
        var number = ended switch
        {
            TrialCompleted c => c.Trial,
            TrialTimedOut t => t.Trial,
            _ => throw new ArgumentException($"{ended.GetType().Name} does not end a trial.", nameof(ended)),
        };
        var trial = _trials[number];
        Timers.Cancel(new TrialTimerKey(number));
        var best = Best;
        OptimizerLog.Recorded(Log, Id, number, trial.Status, trial.Score, best?.Number);
        var payload = new JsonObject
        {
            ["optimizationId"] = _settings.OptimizationId,
            ["trial"] = number,
            ["of"] = _settings.Trials,
            ["status"] = trial.Status,
        };
        if (trial.Score is { } score)
        {
            payload["score"] = score;
        }

        payload["parameters"] = JsonNode.Parse(trial.Parameters.GetRawText());
        payload["bestScore"] = best?.Score;
        payload["bestTrial"] = best?.Number;
        await PublishAsync("optimization.trial_complete", Json(payload));
        await PersistAndWaitAsync(ended);
    }

    private async Task OnTrialDueAsync(TrialDue due)
    {
        if (!_trials.TryGetValue(due.Trial, out var trial) || !trial.IsRunning)
        {
            return;
        }

        var now = Now;
        if (now < trial.Deadline)
        {
            StartDeadlineTimer(trial, now);
            return;
        }

        await RecordAsync(new TrialTimedOut(trial.Number, now));
        if (trial.Started)
        {
            StopRuns([trial], "trial_timeout");
        }

        await AdvanceAsync();
    }

    private async Task CompleteAsync()
    {
        var best = Best;
        var completed = new OptimizationCompleted(_trials.Count, best?.Number, best?.Score, Now);
        OptimizerLog.Completed(Log, Id, completed.Trials, completed.BestTrial, completed.BestScore);

        // Published before it is journaled, so at-least-once: a restart in between completes (and publishes) again.
        await PublishAsync("optimization.complete", Json(new JsonObject
        {
            ["optimizationId"] = _settings.OptimizationId,
            ["trials"] = completed.Trials,
            ["bestTrial"] = best?.Number,
            ["bestScore"] = best?.Score,
            ["bestParameters"] = best is null ? null : JsonNode.Parse(best.Parameters.GetRawText()),
        }));
        await PersistAndWaitAsync(completed);
        Apply(completed);
    }

    private void StartDeadlineTimer(OptimizationTrial trial, DateTimeOffset now)
    {
        var left = trial.Deadline - now;
        Timers.StartSingleTimer(new TrialTimerKey(trial.Number), new TrialDue(trial.Number), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>Tells the launched runs of <paramref name="trials"/> to stop, off the agent's turn (best effort: a run that is gone is left alone).</summary>
    private void StopRuns(IEnumerable<OptimizationTrial> trials, string reason)
    {
        if (_settings.Launch.Length == 0)
        {
            return;
        }

        var directory = Directory;
        foreach (var trial in trials)
        {
            var runId = trial.RunId;
            var arguments = JsonSerializer.SerializeToElement(new JsonObject { ["reason"] = reason });
            StartAction($"stop {runId}", async token =>
                await directory.TellAsync(runId, new AgentCommand(StopCommand, arguments), s_tellTimeout, token));
        }
    }

    private AgentCommandResult Status(AgentCommand command)
    {
        var best = Best;
        var state = _completed ? "completed" : _stopped ? "stopped" : "running";
        var message = $"Optimization '{_settings.OptimizationId}' is {state}: {FinishedCount} of {_settings.Trials} trials finished, {RunningCount} running; " +
            (best is null ? "no score yet." : $"best trial {best.Number} with score {Format(best.Score)}.");
        return Accept(command, message, StatusDocument());
    }

    private JsonElement StatusDocument()
    {
        var best = Best;
        var trials = new JsonArray();
        foreach (var trial in _trials.Values)
        {
            trials.Add(new JsonObject
            {
                ["trial"] = trial.Number,
                ["runId"] = trial.RunId,
                ["status"] = trial.Status,
                ["score"] = trial.Score,
                ["parameters"] = JsonNode.Parse(trial.Parameters.GetRawText()),
            });
        }

        return JsonSerializer.SerializeToElement(new JsonObject
        {
            ["optimizationId"] = _settings.OptimizationId,
            ["state"] = _completed ? "completed" : _stopped ? "stopped" : "running",
            ["budget"] = _settings.Trials,
            ["finished"] = FinishedCount,
            ["running"] = RunningCount,
            ["bestTrial"] = best?.Number,
            ["bestScore"] = best?.Score,
            ["bestParameters"] = best is null ? null : JsonNode.Parse(best.Parameters.GetRawText()),
            ["trials"] = trials,
        });
    }

    private static JsonPayload Json(JsonObject value) => new(JsonSerializer.SerializeToElement(value));

    private void Apply(TrialProposed proposed)
    {
        double[]? point;
        try
        {
            point = _settings.Space.Encode(proposed.Parameters);
        }
        catch (SearchSpaceException)
        {
            point = null;
        }

        _trials[proposed.Trial] = new OptimizationTrial(proposed, point);
    }

    private void Apply(TrialStarted started)
    {
        if (_trials.TryGetValue(started.Trial, out var trial))
        {
            trial.Started = true;
        }
    }

    private void Apply(TrialCompleted completed)
    {
        if (_trials.TryGetValue(completed.Trial, out var trial))
        {
            trial.Status = completed.Status;
            trial.Score = completed.Score;
        }
    }

    private void Apply(TrialTimedOut timedOut)
    {
        if (_trials.TryGetValue(timedOut.Trial, out var trial))
        {
            trial.Status = TrialStatus.TimedOut;
        }
    }

    private void Apply(OptimizationCompleted completed) => _completed = true;

    private void Apply(OptimizationStopped stopped) => _stopped = true;

    private void Apply(object ended)
    {
        switch (ended)
        {
            case TrialCompleted completed:
                Apply(completed);
                break;
            case TrialTimedOut timedOut:
                Apply(timedOut);
                break;
        }
    }
}
