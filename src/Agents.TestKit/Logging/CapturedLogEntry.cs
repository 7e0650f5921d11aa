using Microsoft.Extensions.Logging;

namespace Agents.TestKit;

/// <summary>One log entry recorded by <see cref="CapturingLoggerFactory"/>.</summary>
/// <param name="Sequence">The entry's position in the capture, starting at 0.</param>
/// <param name="Level">The log level.</param>
/// <param name="Category">The logger category.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception, if any.</param>
/// <param name="ActorPath">The path of the actor the entry is about (from its scope or an <c>ActorPath</c> property), if any.</param>
public sealed record CapturedLogEntry(long Sequence, LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception, string? ActorPath)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"[{Level}] {Category}: {Message}{(ActorPath is null ? "" : $" ({ActorPath})")}{(Exception is null ? "" : $" {Exception.GetType().Name}: {Exception.Message}")}";
}
