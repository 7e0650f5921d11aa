using Microsoft.Extensions.Logging;

namespace Agents.Library.Optimization;

/// <summary>The log messages of the hyperparameter optimizer.</summary>
internal static partial class OptimizerLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Optimizer '{AgentId}' proposes trial {Trial} of {Budget} ({RunId}): {Parameters}")]
    public static partial void Proposed(ILogger logger, string agentId, int trial, int budget, string runId, string parameters);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Optimizer '{AgentId}' records trial {Trial} as {Status} (score {Score}); best so far: trial {BestTrial}")]
    public static partial void Recorded(ILogger logger, string agentId, int trial, string status, double? score, int? bestTrial);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug,
        Message = "Optimizer '{AgentId}' ignores training.complete of run '{RunId}': {Why}")]
    public static partial void Ignored(ILogger logger, string agentId, string? runId, string why);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Optimizer '{AgentId}' completed {Trials} trials; best trial {BestTrial} with score {BestScore}")]
    public static partial void Completed(ILogger logger, string agentId, int trials, int? bestTrial, double? bestScore);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning,
        Message = "Optimizer '{AgentId}' could not launch trial {Trial} as an agent of type '{Launch}'; the trial is recorded as failed")]
    public static partial void LaunchFailed(ILogger logger, string agentId, int trial, string launch, Exception exception);
}
