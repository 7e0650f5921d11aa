using Microsoft.Extensions.Logging;

namespace Agents.Library.Training;

/// <summary>The log messages of the training agents, source-generated so that disabled levels cost nothing.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Training run '{RunId}' starts ({Curve}, up to {Epochs} epochs)")]
    public static partial void RunStarted(ILogger logger, string runId, string curve, int epochs);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Training run '{RunId}' ended {Status} after {Epochs} epochs ({Reason}); best epoch {BestEpoch}")]
    public static partial void RunFinished(ILogger logger, string runId, string status, int epochs, string reason, int bestEpoch);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Training run '{RunId}' rolled back to the checkpoint of epoch {Epoch}")]
    public static partial void RolledBack(ILogger logger, string runId, int epoch);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information,
        Message = "Monitor '{MonitorId}' decided {Topic} for run '{RunId}' at epoch {Epoch}: {Reason}")]
    public static partial void Decided(ILogger logger, string monitorId, string topic, string runId, int epoch, string reason);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning,
        Message = "Monitor '{MonitorId}' ignores an event on '{Topic}' (offset {Offset}): {Problem}")]
    public static partial void PayloadIgnored(ILogger logger, string monitorId, string topic, string offset, string problem);

    [LoggerMessage(EventId = 6115, Level = LogLevel.Error,
        Message = "Monitor '{MonitorId}' journaled its {Topic} decision on run '{RunId}' but could not publish it; the journal keeps it and it is not published again")]
    public static partial void DecisionNotPublished(ILogger logger, string monitorId, string topic, string runId, Exception exception);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Information,
        Message = "Monitor '{MonitorId}' published its decision on run '{RunId}' only: no agent has that id (an external job)")]
    public static partial void ExternalRun(ILogger logger, string monitorId, string runId);

    [LoggerMessage(EventId = 6114, Level = LogLevel.Warning,
        Message = "Monitor '{MonitorId}' could not tell run '{RunId}' to {Command}: {Problem}")]
    public static partial void CommandNotCarriedOut(ILogger logger, string monitorId, string runId, string command, string problem);
}
