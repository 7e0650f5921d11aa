using Agents.Actors;
using Xunit;
using Xunit.Abstractions;

namespace Agents.TestKit;

/// <summary>
/// The base class of actor tests (xunit). Each test gets its own <see cref="ActorSystem"/>
/// (<see cref="Sys"/>) on a virtual clock (<see cref="Time"/>; move it with <see cref="Advance"/>),
/// a test actor (<see cref="TestActor"/>, also the implicit sender of <c>Tell</c> in test code), log
/// and dead-letter capture, and the expectations of <see cref="TestProbe"/>. The system is terminated
/// when the test ends. Messages are processed on the thread pool in real time; only timers and
/// timeouts are virtual. Expectations wait in real time, bounded by
/// <see cref="TestKitSettings.ExpectTimeout"/>, and return as soon as their message arrives.
/// </summary>
/// <remarks>
/// Named <c>ActorTestKit</c> rather than <c>TestKit</c> so that code in <c>Agents.*</c> namespaces can use
/// it without the namespace <c>Agents.TestKit</c> hiding it.
/// </remarks>
public abstract partial class ActorTestKit : IAsyncLifetime
{
    private readonly TestKitContext _context;
    private readonly TestProbe _probe;
    private readonly IDisposable _deadLetterSubscription;
    private int _deadLetterCursor;

    /// <summary>Creates the test's actor system.</summary>
    /// <param name="output">The test output; captured logs are written there.</param>
    /// <param name="settings">The actor system settings (defaults when null).</param>
    /// <param name="testKitSettings">The kit's settings (defaults when null).</param>
    protected ActorTestKit(ITestOutputHelper? output = null, ActorSystemSettings? settings = null, TestKitSettings? testKitSettings = null)
    {
        TestKitSettings = testKitSettings ?? new TestKitSettings();
        var time = TestKitSettings.UseVirtualTime ? new ManualTimeProvider(TestKitSettings.VirtualStart) : null;
        Logs = new CapturingLoggerFactory(TestKitSettings.MinimumLogLevel, output is null ? null : output.WriteLine);
        Sys = ActorSystem.Create("test", settings, time, Logs, trackActivity: true);
        _context = new TestKitContext(Sys, TestKitSettings, time);
        DeadLetters = new EventJournal<DeadLetter>();
        _deadLetterSubscription = Sys.EventStream.Subscribe<DeadLetter>(DeadLetters.Append);
        EventFilter = new EventFilterFactory(_context, Logs.Entries, DeadLetters);
        _probe = new TestProbe(_context, _context.NextProbeName());
        ActorRefExtensions.UseImplicitSender(_probe.Ref);
    }

    /// <summary>The test's actor system.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The kit's settings.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The virtual clock of <see cref="Sys"/>.</summary>
    /// <exception cref="InvalidOperationException">The kit runs on real time (<see cref="TestKitSettings.UseVirtualTime"/> is false).</exception>
    public ManualTimeProvider Time => _context.Time ?? throw new InvalidOperationException(
        "This test kit runs on real time (TestKitSettings.UseVirtualTime = false); there is no virtual clock to read or advance.");

    /// <summary>Every log entry of the system, captured.</summary>
    public CapturingLoggerFactory Logs { get; }

    /// <summary>Every dead letter of the system, captured.</summary>
    public EventJournal<DeadLetter> DeadLetters { get; }

    /// <summary>Expectations on logs and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The default probe (the one <see cref="TestActor"/> belongs to).</summary>
    public TestProbe Probe => _probe;

    /// <summary>The default probe's ref; the implicit sender of <c>Tell(message)</c> in test code.</summary>
    public IActorRef TestActor => _probe.Ref;

    /// <summary>The sender of the last message taken from <see cref="TestActor"/>'s queue.</summary>
    public IActorRef LastSender => _probe.LastSender;

    /// <summary>
    /// Lets the actors finish what they are doing (see <see cref="Settle"/>), then moves virtual time forward,
    /// firing the timers due on the way; their messages are processed in real time afterwards. Settling
    /// first means a timer an actor is about to start counts from before the jump, not after it.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        var time = Time;
        Settle();
        time.Advance(by);
    }

    /// <summary>Waits (real time, bounded) until no actor of the system has queued or running work.</summary>
    public void Settle() => _context.SettleAsync().GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="Settle"/>.</summary>
    public Task SettleAsync() => _context.SettleAsync();

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(_context, name ?? _context.NextProbeName());

    /// <summary>Creates a top-level actor of <see cref="Sys"/>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates a top-level actor from a factory.</summary>
    public IActorRef ActorOf<T>(Func<T> factory, string? name = null) where T : ActorBase => Sys.ActorOf(Props.Create(factory), name);

    /// <summary>
    /// Creates an actor that processes messages on the calling thread, and returns a ref exposing its
    /// instance, for synchronous unit tests of one actor.
    /// </summary>
    public TestActorRef<T> ActorOfAsTestActorRef<T>(Props props, string? name = null) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(props);
        var actor = (LocalActorRef)Sys.ActorOf(props.WithDispatcher(Dispatchers.CallingThreadDispatcherId), name);
        return new TestActorRef<T>(actor);
    }

    /// <summary>Creates a calling-thread actor from a factory; see <see cref="ActorOfAsTestActorRef{T}(Props, string?)"/>.</summary>
    public TestActorRef<T> ActorOfAsTestActorRef<T>(Func<T> factory, string? name = null) where T : ActorBase =>
        ActorOfAsTestActorRef<T>(Props.Create(factory), name);

    /// <summary>
    /// Expects a dead letter whose message is a <typeparamref name="T"/> (matching <paramref name="predicate"/>),
    /// published after the previous dead letter this method returned.
    /// </summary>
    public DeadLetter ExpectDeadLetter<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null) =>
        ExpectDeadLetterAsync(predicate, timeout).GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="ExpectDeadLetter{T}"/>.</summary>
    public async Task<DeadLetter> ExpectDeadLetterAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var start = Volatile.Read(ref _deadLetterCursor);
        bool Matches(DeadLetter d) => d.Message is T message && (predicate is null || predicate(message));
        var limit = timeout ?? TestKitSettings.ExpectTimeout;
        if (!await DeadLetters.WaitAsync(start, items => items.Any(Matches), limit).ConfigureAwait(false))
        {
            throw new TestKitAssertionException(
                $"Expected a dead letter of {typeof(T).Name} within {limit} (real time); dead letters since the last one expected: " +
                $"[{string.Join(", ", DeadLetters.Since(start).Select(d => d.Message.GetType().Name))}].");
        }
        var since = DeadLetters.Since(start);
        for (var i = 0; i < since.Count; i++)
        {
            if (Matches(since[i]))
            {
                Volatile.Write(ref _deadLetterCursor, start + i + 1);
                return since[i];
            }
        }
        throw new InvalidOperationException("A matching dead letter disappeared from the journal; this is a TestKit bug.");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        _deadLetterSubscription.Dispose();
        try
        {
            await Sys.Terminate().WaitAsync(TestKitSettings.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TestKitAssertionException(
                $"The test's actor system did not terminate within {TestKitSettings.ShutdownTimeout} (real time); an actor may block in PostStop or a shutdown task may hang.");
        }
        finally
        {
            Logs.Dispose();
        }
    }
}
