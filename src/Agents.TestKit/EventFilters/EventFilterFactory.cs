using Agents.Actors;
using Microsoft.Extensions.Logging;

namespace Agents.TestKit;

/// <summary>Creates <see cref="EventFilter"/>s over the kit's captured logs and dead letters.</summary>
public sealed class EventFilterFactory
{
    private readonly TestKitContext _context;
    private readonly EventJournal<CapturedLogEntry> _logs;
    private readonly EventJournal<DeadLetter> _deadLetters;

    internal EventFilterFactory(TestKitContext context, EventJournal<CapturedLogEntry> logs, EventJournal<DeadLetter> deadLetters)
    {
        _context = context;
        _logs = logs;
        _deadLetters = deadLetters;
    }

    /// <summary>Log entries carrying an exception of type <typeparamref name="TException"/> (or a subtype).</summary>
    /// <param name="messageContains">Also require the exception message to contain this text.</param>
    public EventFilter Exception<TException>(string? messageContains = null) where TException : Exception =>
        Logs($"log entries with {typeof(TException).Name}{Containing(messageContains)}",
            e => e.Exception is TException && (messageContains is null || e.Exception.Message.Contains(messageContains, StringComparison.Ordinal)));

    /// <summary>Error entries (and above).</summary>
    public EventFilter Error(string? messageContains = null) => AtLevel(LogLevel.Error, messageContains);

    /// <summary>Warning entries.</summary>
    public EventFilter Warning(string? messageContains = null) => AtLevel(LogLevel.Warning, messageContains);

    /// <summary>Information entries.</summary>
    public EventFilter Info(string? messageContains = null) => AtLevel(LogLevel.Information, messageContains);

    /// <summary>Log entries matching <paramref name="predicate"/>.</summary>
    public EventFilter Custom(string description, Func<CapturedLogEntry, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Logs(description, predicate);
    }

    /// <summary>Dead letters whose message is a <typeparamref name="TMessage"/> (matching <paramref name="predicate"/>, if given).</summary>
    public EventFilter DeadLetter<TMessage>(Func<TMessage, bool>? predicate = null) =>
        new(_context, $"dead letters of {typeof(TMessage).Name}", () => _deadLetters.Count, start => [.. _deadLetters.Since(start)],
            (start, condition, timeout) => _deadLetters.WaitAsync(start, items => condition([.. items]), timeout),
            e => e is Actors.DeadLetter { Message: TMessage message } && (predicate is null || predicate(message)));

    private EventFilter AtLevel(LogLevel level, string? messageContains) =>
        Logs($"{level} log entries{Containing(messageContains)}",
            e => (level == LogLevel.Error ? e.Level >= level : e.Level == level) &&
                 (messageContains is null || e.Message.Contains(messageContains, StringComparison.Ordinal)));

    private EventFilter Logs(string description, Func<CapturedLogEntry, bool> predicate) =>
        new(_context, description, () => _logs.Count, start => [.. _logs.Since(start)],
            (start, condition, timeout) => _logs.WaitAsync(start, items => condition([.. items]), timeout),
            e => e is CapturedLogEntry entry && predicate(entry));

    private static string Containing(string? text) => text is null ? "" : $" containing \"{text}\"";
}
