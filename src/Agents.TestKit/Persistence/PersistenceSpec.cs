using Agents.Persistence;
using Agents.Persistence.Adapters;
using Agents.Persistence.Serialization;

using Xunit;

namespace Agents.TestKit.Persistence;

/// <summary>
/// What the store conformance suites share: the serializer and write adapters a store under test must be built
/// with, ids that are unique per test (so tests can share one database), and helpers that read streams with a
/// safety limit so a broken store fails a test instead of hanging it.
/// </summary>
public abstract class PersistenceSpec
{
    /// <summary>How long a helper waits for a stream before failing the test; a safety net, not a timing check.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Gives the test its own ids.</summary>
    protected PersistenceSpec()
    {
        RunId = Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>
    /// The serializer every store under test must use: it knows the spec's event and snapshot types and upcasts
    /// <see cref="SpecRetiredEvent"/> rows into <see cref="SpecEvent"/>.
    /// </summary>
    public static IEventSerializer Serializer { get; } = new JsonEventSerializer(
        ManifestRegistry.Create(
            typeof(SpecEvent), typeof(SpecSnapshot), typeof(SpecUnreadableEvent), typeof(SpecParcel), typeof(SpecRetiredEvent)),
        upcasters: [SpecRetiredEvent.Upcaster]);

    /// <summary>The write adapters every journal under test must use.</summary>
    public static IReadOnlyList<IWriteEventAdapter> WriteAdapters { get; } = [new SpecEventTagger()];

    /// <summary>A prefix unique to this test.</summary>
    protected string RunId { get; }

    /// <summary>A persistence id unique to this test.</summary>
    protected string PersistenceIdOf(string name) => $"{RunId}-{name}";

    /// <summary>A tag unique to this test.</summary>
    protected string TagOf(string name) => $"{RunId}-{name}";

    /// <summary>A <see cref="SpecEvent"/> ready to write.</summary>
    protected static PersistentRepresentation Event(string persistenceId, long sequenceNr, string value, params string[] tags) =>
        new(persistenceId, sequenceNr, new SpecEvent(value)) { WriterId = "writer-1", Tags = tags };

    /// <summary>The <see cref="SpecEvent.Value"/> of a payload, failing the test if it is something else.</summary>
    protected static string ValueOf(object payload) => Assert.IsType<SpecEvent>(payload).Value;

    /// <summary>Reads a finite stream to its end.</summary>
    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var items = new List<T>();
        try
        {
            await foreach (var item in source.WithCancellation(timeout.Token))
            {
                items.Add(item);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"The stream did not end within {Patience.TotalSeconds} s; it delivered {items.Count} items.");
        }

        return items;
    }

    /// <summary>Reads the first <paramref name="count"/> items of a (typically live) stream, then stops it.</summary>
    protected static async Task<List<T>> TakeAsync<T>(IAsyncEnumerable<T> source, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var items = new List<T>(count);
        if (count == 0)
        {
            return items;
        }

        try
        {
            await foreach (var item in source.WithCancellation(timeout.Token))
            {
                items.Add(item);
                if (items.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"Expected {count} items within {Patience.TotalSeconds} s but the stream delivered {items.Count}.");
        }

        Assert.True(items.Count == count, $"Expected {count} items but the stream ended after {items.Count}.");
        return items;
    }
}
