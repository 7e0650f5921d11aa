using Microsoft.Extensions.Logging;

namespace Agents.TestKit;

/// <summary>A logger of a <see cref="CapturingLoggerFactory"/>.</summary>
internal sealed class CapturingLogger(CapturingLoggerFactory factory, string category, ILogger[] forwarded) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull
    {
        var scope = factory.PushScope(state);
        if (forwarded.Length == 0)
        {
            return scope;
        }
        var scopes = new List<IDisposable?> { scope };
        scopes.AddRange(forwarded.Select(l => l.BeginScope(state)));
        return new CompositeScope(scopes);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= factory.MinimumLevel || forwarded.Any(l => l.IsEnabled(logLevel));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= factory.MinimumLevel)
        {
            factory.Record(logLevel, category, eventId, formatter(state, exception), exception, state);
        }
        foreach (var logger in forwarded)
        {
            logger.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    private sealed class CompositeScope(List<IDisposable?> scopes) : IDisposable
    {
        public void Dispose()
        {
            for (var i = scopes.Count - 1; i >= 0; i--)
            {
                scopes[i]?.Dispose();
            }
        }
    }
}
