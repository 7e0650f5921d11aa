using System.Collections.Concurrent;
using Agents.Actors;

namespace Agents.TestKit;

/// <summary>
/// An actor the test controls: messages sent to <see cref="Ref"/> are queued and the test takes them
/// with <c>ExpectMsg</c>, <c>ReceiveN</c>, <c>FishForMessage</c>... Waits are bounded by real time
/// (<see cref="TestKitSettings.ExpectTimeout"/>) and end as soon as the message arrives.
/// </summary>
public partial class TestProbe
{
    private readonly TestKitContext _context;
    private readonly ConcurrentQueue<(object Message, IActorRef Sender)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private long _withinDeadline;

    internal TestProbe(TestKitContext context, string name)
    {
        _context = context;
        Ref = context.System.SystemActorOf(Props.Create(() => new TestActor(this)), name);
        LastSender = context.System.DeadLetters;
    }

    /// <summary>The probe's ref: send messages here and they are queued for the test.</summary>
    public IActorRef Ref { get; }

    /// <summary>The sender of the last message taken from the queue.</summary>
    public IActorRef LastSender { get; private set; }

    /// <summary>The last message taken from the queue.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>How many messages are queued and not yet taken.</summary>
    public int MessageCount => _queue.Count;

    /// <summary>Whether messages are queued.</summary>
    public bool HasMessages => !_queue.IsEmpty;

    /// <summary>The time left for the enclosing <c>Within</c> block, or the default expect timeout.</summary>
    public TimeSpan RemainingOrDefault
    {
        get
        {
            var deadline = Volatile.Read(ref _withinDeadline);
            if (deadline == 0)
            {
                return _context.Settings.ExpectTimeout;
            }
            var remaining = TimeSpan.FromTicks(deadline - TimeProvider.System.GetUtcNow().UtcTicks);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to <see cref="LastSender"/> with this probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Forwards <paramref name="message"/> (the last message by default) to <paramref name="target"/>, keeping <see cref="LastSender"/>.</summary>
    public void Forward(IActorRef target, object? message = null) =>
        target.Tell(message ?? LastMessage ?? throw new InvalidOperationException("Forward needs a message: none was received yet."), LastSender);

    /// <summary>Watches <paramref name="target"/>; its <see cref="Terminated"/> arrives in this probe's queue.</summary>
    public IActorRef Watch(IActorRef target)
    {
        Ref.Tell(new TestActor.WatchCommand(target), null);
        return target;
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target)
    {
        Ref.Tell(new TestActor.UnwatchCommand(target), null);
        return target;
    }

    internal void Enqueue(object message, IActorRef sender)
    {
        _queue.Enqueue((message, sender));
        _available.Release();
    }

    /// <summary>Takes the next message, waiting up to <paramref name="timeout"/> (real time); null when none arrived.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) =>
        _available.Wait(timeout ?? RemainingOrDefault) ? Take() : null;

    /// <summary>Takes the next message, waiting up to <paramref name="timeout"/> (real time); null when none arrived.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null) =>
        await _available.WaitAsync(timeout ?? RemainingOrDefault).ConfigureAwait(false) ? Take() : null;

    /// <summary>Takes the next message if one is queued, without waiting.</summary>
    public bool TryReceive(out object? message)
    {
        if (_available.Wait(0))
        {
            message = Take();
            return true;
        }
        message = null;
        return false;
    }

    private object Take()
    {
        if (!_queue.TryDequeue(out var entry))
        {
            throw new InvalidOperationException("The probe's queue and its count disagree; this is a TestKit bug.");
        }
        LastMessage = entry.Message;
        LastSender = entry.Sender;
        return entry.Message;
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> and returns it.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => Check<T>(ReceiveOne(timeout), null, null, timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => Check(ReceiveOne(timeout), predicate, null, timeout);

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) where T : notnull =>
        Check<T>(ReceiveOne(timeout), null, expected, timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> and returns it.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) =>
        Check<T>(await ReceiveOneAsync(timeout).ConfigureAwait(false), null, null, timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null) =>
        Check(await ReceiveOneAsync(timeout).ConfigureAwait(false), predicate, null, timeout);

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) where T : notnull =>
        Check<T>(await ReceiveOneAsync(timeout).ConfigureAwait(false), null, expected, timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null)
    {
        var message = ExpectMsg<T>(timeout);
        if (!LastSender.Equals(sender))
        {
            throw new TestKitAssertionException($"Expected {typeof(T).Name} from {sender.Path} but it came from {LastSender.Path}.");
        }
        return message;
    }

    /// <summary>Expects <paramref name="messages"/>, in any order, as the next messages.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] messages) where T : notnull
    {
        var received = ReceiveN(messages.Length).ToList();
        var missing = messages.ToList();
        foreach (var message in received)
        {
            var index = missing.FindIndex(m => Equals(m, message));
            if (index < 0)
            {
                throw new TestKitAssertionException(
                    $"Received unexpected {Describe(message)}; still expected {string.Join(", ", missing.Select(m => Describe(m)))}.");
            }
            missing.RemoveAt(index);
        }
        return received.Cast<T>().ToList();
    }

    /// <summary>Takes exactly <paramref name="count"/> messages, waiting up to <paramref name="timeout"/> for all of them.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? RemainingOrDefault;
        var started = TimeProvider.System.GetTimestamp();
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var remaining = limit - TimeProvider.System.GetElapsedTime(started);
            var message = ReceiveOne(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) ?? throw new TestKitAssertionException(
                $"Expected {count} messages within {limit} (real time) but received {result.Count}: [{string.Join(", ", result.Select(Describe))}].");
            result.Add(message);
        }
        return result;
    }

    /// <summary>Takes messages until one is a <typeparamref name="T"/> matching <paramref name="isTarget"/>, discarding the others.</summary>
    public T FishForMessage<T>(Predicate<T> isTarget, TimeSpan? timeout = null)
    {
        var limit = timeout ?? RemainingOrDefault;
        var started = TimeProvider.System.GetTimestamp();
        var skipped = new List<object>();
        while (true)
        {
            var remaining = limit - TimeProvider.System.GetElapsedTime(started);
            var message = ReceiveOne(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) ?? throw new TestKitAssertionException(
                $"No {typeof(T).Name} matching the predicate arrived within {limit} (real time); skipped [{string.Join(", ", skipped.Select(Describe))}].");
            if (message is T typed && isTarget(typed))
            {
                return typed;
            }
            skipped.Add(message);
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>
    /// Expects no message during <paramref name="duration"/>. On virtual time the actors are first given
    /// time to finish their current work, the clock is advanced by the duration, the actors finish what
    /// that triggered, and the queue is checked: no wall-clock time is spent waiting. On real time it
    /// waits the duration.
    /// </summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="ExpectNoMsg"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var span = duration ?? _context.Settings.NoMessageDuration;
        if (_context.Time is { } time)
        {
            await _context.SettleAsync().ConfigureAwait(false);
            time.Advance(span);
            await _context.SettleAsync().ConfigureAwait(false);
            if (TryReceive(out var message))
            {
                throw new TestKitAssertionException($"Expected no message during {span} (virtual time) but received {Describe(message!)} from {LastSender.Path}.");
            }
            return;
        }
        if (await ReceiveOneAsync(span).ConfigureAwait(false) is { } received)
        {
            throw new TestKitAssertionException($"Expected no message during {span} but received {Describe(received)} from {LastSender.Path}.");
        }
    }

    private T Check<T>(object? message, Predicate<T>? predicate, object? expected, TimeSpan? timeout)
    {
        var what = expected is not null ? Describe(expected) : predicate is not null ? $"a {typeof(T).Name} matching the predicate" : $"a {typeof(T).Name}";
        if (message is null)
        {
            throw new TestKitAssertionException($"Expected {what} within {timeout ?? RemainingOrDefault} (real time) but no message arrived.");
        }
        if (message is not T typed)
        {
            throw new TestKitAssertionException($"Expected {what} but received {Describe(message)} from {LastSender.Path}.");
        }
        if (expected is not null && !Equals(expected, message))
        {
            throw new TestKitAssertionException($"Expected {what} but received {Describe(message)} from {LastSender.Path}.");
        }
        if (predicate is not null && !predicate(typed))
        {
            throw new TestKitAssertionException($"Expected {what} but received {Describe(message)}, which does not match, from {LastSender.Path}.");
        }
        return typed;
    }

    internal static string Describe(object message) => message switch
    {
        string text => $"\"{text}\"",
        _ => $"{message} ({message.GetType().Name})",
    };
}
