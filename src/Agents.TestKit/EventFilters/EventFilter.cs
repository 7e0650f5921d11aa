namespace Agents.TestKit;

/// <summary>
/// An expectation about events (log entries or dead letters) that a block of test code causes:
/// <c>EventFilter.Exception&lt;InvalidOperationException&gt;().ExpectOne(() =&gt; actor.Tell("boom"))</c>.
/// It runs the block, waits (real time, bounded) for the expected count of matching events, lets the
/// actors settle, and fails if the count differs.
/// </summary>
public sealed class EventFilter
{
    private readonly TestKitContext _context;
    private readonly Func<int> _mark;
    private readonly Func<int, IReadOnlyList<object>> _since;
    private readonly Func<int, Func<IReadOnlyList<object>, bool>, TimeSpan, Task<bool>> _wait;
    private readonly Func<object, bool> _matches;

    internal EventFilter(TestKitContext context, string description, Func<int> mark, Func<int, IReadOnlyList<object>> since,
        Func<int, Func<IReadOnlyList<object>, bool>, TimeSpan, Task<bool>> wait, Func<object, bool> matches)
    {
        _context = context;
        Description = description;
        _mark = mark;
        _since = since;
        _wait = wait;
        _matches = matches;
    }

    /// <summary>What the filter matches, for failure messages.</summary>
    public string Description { get; }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Runs <paramref name="func"/>, expects exactly one matching event, and returns the result.</summary>
    public T ExpectOne<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        T result = default!;
        Expect(1, () => result = func());
        return result;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="count"/> matching events.</summary>
    public void Expect(int count, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ExpectAsync(count, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="count"/> matching events.</summary>
    public async Task ExpectAsync(int count, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = _mark();
        await action().ConfigureAwait(false);
        await _wait(start, events => events.Count(_matches) >= count, _context.Settings.ExpectTimeout).ConfigureAwait(false);
        await _context.SettleAsync().ConfigureAwait(false);
        var recorded = _since(start);
        var matched = recorded.Count(_matches);
        if (matched != count)
        {
            throw new TestKitAssertionException(
                $"Expected {count} {Description} but found {matched}. Recorded during the block:{Environment.NewLine}  " +
                (recorded.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine + "  ", recorded)));
        }
    }
}
