using Agents.Actors;

namespace Agents.TestKit;

// The default probe's expectations, available directly on the kit as in Akka.NET's TestKit.
public abstract partial class ActorTestKit
{
    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => _probe.ExpectMsg<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => _probe.ExpectMsg(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) where T : notnull => _probe.ExpectMsg(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => _probe.ExpectMsgAsync<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Predicate{T}, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null) => _probe.ExpectMsgAsync(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(T, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) where T : notnull => _probe.ExpectMsgAsync(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgFrom{T}(IActorRef, TimeSpan?)"/>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null) => _probe.ExpectMsgFrom<T>(sender, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAllOf{T}(T[])"/>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] messages) where T : notnull => _probe.ExpectMsgAllOf(messages);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan?)"/>
    public void ExpectNoMsg(TimeSpan? duration = null) => _probe.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync(TimeSpan?)"/>
    public Task ExpectNoMsgAsync(TimeSpan? duration = null) => _probe.ExpectNoMsgAsync(duration);

    /// <inheritdoc cref="TestProbe.ReceiveOne(TimeSpan?)"/>
    public object? ReceiveOne(TimeSpan? timeout = null) => _probe.ReceiveOne(timeout);

    /// <inheritdoc cref="TestProbe.ReceiveN(int, TimeSpan?)"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _probe.ReceiveN(count, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{T}, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T> isTarget, TimeSpan? timeout = null) => _probe.FishForMessage(isTarget, timeout);

    /// <inheritdoc cref="TestProbe.Watch(IActorRef)"/>
    public IActorRef Watch(IActorRef target) => _probe.Watch(target);

    /// <inheritdoc cref="TestProbe.Unwatch(IActorRef)"/>
    public IActorRef Unwatch(IActorRef target) => _probe.Unwatch(target);

    /// <inheritdoc cref="TestProbe.ExpectTerminated(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => _probe.ExpectTerminated(target, timeout);

    /// <inheritdoc cref="TestProbe.Reply(object)"/>
    public void Reply(object message) => _probe.Reply(message);

    /// <inheritdoc cref="TestProbe.Within(TimeSpan, TimeSpan, Action)"/>
    public void Within(TimeSpan min, TimeSpan max, Action action) => _probe.Within(min, max, action);

    /// <inheritdoc cref="TestProbe.Within(TimeSpan, Action)"/>
    public void Within(TimeSpan max, Action action) => _probe.Within(max, action);

    /// <inheritdoc cref="TestProbe.Within{T}(TimeSpan, Func{T})"/>
    public T Within<T>(TimeSpan max, Func<T> func) => _probe.Within(max, func);

    /// <inheritdoc cref="TestProbe.AwaitAssert(Action, TimeSpan?, TimeSpan?)"/>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) => _probe.AwaitAssert(assertion, duration, interval);

    /// <inheritdoc cref="TestProbe.AwaitAssertAsync(Func{Task}, TimeSpan?, TimeSpan?)"/>
    public Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null) => _probe.AwaitAssertAsync(assertion, duration, interval);

    /// <inheritdoc cref="TestProbe.AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string?)"/>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null) =>
        _probe.AwaitCondition(condition, duration, interval, message);

    /// <inheritdoc cref="TestProbe.AwaitConditionAsync(Func{bool}, TimeSpan?, TimeSpan?, string?)"/>
    public Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null) =>
        _probe.AwaitConditionAsync(condition, duration, interval, message);
}
