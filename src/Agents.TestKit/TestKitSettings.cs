using Microsoft.Extensions.Logging;

namespace Agents.TestKit;

/// <summary>Settings of <see cref="ActorTestKit"/> and its probes.</summary>
public sealed record TestKitSettings
{
    /// <summary>
    /// The real (wall-clock) time a probe waits for an expected message or event. It is a safety net for
    /// failing tests only: a passing test never waits for it.
    /// </summary>
    /// <value>Default 3 seconds.</value>
    public TimeSpan ExpectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The duration <c>ExpectNoMsg()</c> checks when none is given (virtual time when <see cref="UseVirtualTime"/>).</summary>
    /// <value>Default 100 milliseconds.</value>
    public TimeSpan NoMessageDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether the actor system runs on a <see cref="ManualTimeProvider"/>: timers, receive timeouts,
    /// Ask timeouts and the scheduler move only when the test advances time; message processing still
    /// runs on the thread pool in real time.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool UseVirtualTime { get; init; } = true;

    /// <summary>What the virtual clock reads when a test starts.</summary>
    /// <value>Default 2000-01-01T00:00:00Z.</value>
    public DateTimeOffset VirtualStart { get; init; } = ManualTimeProvider.DefaultStart;

    /// <summary>The lowest log level captured (and written to the test output).</summary>
    /// <value>Default <see cref="LogLevel.Debug"/>.</value>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Debug;

    /// <summary>The real time the test's actor system gets to terminate when the test ends.</summary>
    /// <value>Default 10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval at which <c>AwaitAssert</c> and <c>AwaitCondition</c> re-check.</summary>
    /// <value>Default 10 milliseconds.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);
}
