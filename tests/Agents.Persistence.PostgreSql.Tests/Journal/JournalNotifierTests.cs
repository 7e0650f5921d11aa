using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Xunit;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

public sealed class JournalNotifierTests
{
    private static WriteRequest Request(string persistenceId, long sequenceNr, params string[] tags) =>
        new([(0, [new StoredEvent(persistenceId, sequenceNr, new SerializedPayload("m", 1, "{}"u8.ToArray()), tags, "w", DateTimeOffset.UnixEpoch)])], [null]);

    [Fact]
    public void A_small_batch_names_its_entities_tags_and_new_entities()
    {
        var keys = JournalNotifier.Keys([Request("a", 1, "t"), Request("b", 5)]);

        Assert.Equal(
            new[] { ChangeNotifier.PersistenceIdKey("a"), ChangeNotifier.PersistenceIdKey("b"), ChangeNotifier.PersistenceIdsKey, ChangeNotifier.TagKey("t") }.Order(),
            keys.Order());
        Assert.Equal(4, JournalNotifier.Payload(keys).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_batch_too_large_for_a_notify_says_everything()
    {
        var keys = JournalNotifier.Keys(Enumerable.Range(0, 1000).Select(i => Request($"entity-{i:D6}", 2)));

        Assert.Equal([JournalNotifier.Everything], keys);
        Assert.Equal(JournalNotifier.Everything, JournalNotifier.Payload([.. keys, ChangeNotifier.PersistenceIdKey("later")]));
    }

    [Fact]
    public void A_rejected_write_is_not_announced()
    {
        var rejected = new WriteRequest(
            [(0, [new StoredEvent("a", 1, new SerializedPayload("m", 1, "{}"u8.ToArray()), [], "w", DateTimeOffset.UnixEpoch)])],
            [new WriteRejectedException("a", 1, new InvalidOperationException("bad"))]);

        Assert.Empty(JournalNotifier.Keys([rejected]));
    }

    [Fact]
    public async Task Local_queries_of_a_batch_wake_even_when_it_is_too_large_for_a_notify()
    {
        var changes = new ChangeNotifier();
        using var entity = changes.Subscribe(ChangeNotifier.PersistenceIdKey("entity-000999"));
        using var tag = changes.Subscribe(ChangeNotifier.TagKey("t"));
        using var unrelated = changes.Subscribe(ChangeNotifier.PersistenceIdKey("elsewhere"));

        new JournalNotifier(changes).NotifyLocal(Enumerable.Range(0, 1000).Select(i => Request($"entity-{i:D6}", 2, i == 7 ? ["t"] : [])));

        Assert.True(await entity.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.True(await tag.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
        Assert.False(await unrelated.WaitAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None));
    }
}
