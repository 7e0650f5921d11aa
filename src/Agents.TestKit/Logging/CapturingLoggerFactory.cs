using Microsoft.Extensions.Logging;

namespace Agents.TestKit;

/// <summary>
/// An <see cref="ILoggerFactory"/> that records every entry at or above a level, so tests can assert
/// on logs (see <see cref="EventFilterFactory"/>), and optionally writes them to a test's output.
/// Providers added with <see cref="AddProvider"/> receive the entries too.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly LoggerExternalScopeProvider _scopes = new();
    private readonly Action<string>? _output;
    private readonly List<ILoggerProvider> _providers = [];
    private readonly Lock _lock = new();

    /// <summary>Creates a factory recording entries at <paramref name="minimumLevel"/> and above.</summary>
    /// <param name="minimumLevel">The lowest level recorded.</param>
    /// <param name="output">Receives each entry as a line (for example a test output helper's WriteLine).</param>
    public CapturingLoggerFactory(LogLevel minimumLevel = LogLevel.Debug, Action<string>? output = null)
    {
        MinimumLevel = minimumLevel;
        _output = output;
    }

    /// <summary>The lowest level recorded.</summary>
    public LogLevel MinimumLevel { get; }

    /// <summary>Every recorded entry, in order.</summary>
    public EventJournal<CapturedLogEntry> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        ILogger[] forwarded;
        lock (_lock)
        {
            forwarded = [.. _providers.Select(p => p.CreateLogger(categoryName))];
        }
        return new CapturingLogger(this, categoryName, forwarded);
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (_lock)
        {
            _providers.Add(provider);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var provider in _providers)
            {
                provider.Dispose();
            }
            _providers.Clear();
        }
    }

    internal IDisposable PushScope<TState>(TState state) => _scopes.Push(state);

    internal void Record(LogLevel level, string category, EventId eventId, string message, Exception? exception, object? state)
    {
        string? actorPath = null;
        if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            actorPath = FindActorPath(properties);
        }
        var holder = new PathHolder(actorPath);
        _scopes.ForEachScope(static (scope, found) =>
        {
            if (found.Path is null && scope is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                found.Path = FindActorPath(properties);
            }
        }, holder);
        actorPath = holder.Path;
        var entry = Entries.Append(sequence => new CapturedLogEntry(sequence, level, category, eventId, message, exception, actorPath));
        if (_output is not null)
        {
            try
            {
                _output(entry.ToString() + (exception is null ? "" : Environment.NewLine + exception));
            }
            catch (InvalidOperationException)
            {
                // The test that owns the output has already finished.
            }
        }
    }

    private static string? FindActorPath(IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        foreach (var (key, value) in properties)
        {
            if (key == "ActorPath")
            {
                return value?.ToString();
            }
        }
        return null;
    }

    private sealed class PathHolder(string? path)
    {
        public string? Path = path;
    }
}
