namespace Agents.Persistence.Tests.Journal;

public sealed class AtomicWriteTests
{
    private static PersistentRepresentation Event(string pid, long seq) => new(pid, seq, "payload");

    [Fact]
    public void Consecutive_events_of_one_entity_form_a_write()
    {
        var write = new AtomicWrite([Event("a", 3), Event("a", 4)]);
        Assert.Equal(("a", 3L, 4L), (write.PersistenceId, write.LowestSequenceNr, write.HighestSequenceNr));
    }

    [Fact]
    public void Empty_write_is_refused() => Assert.Throws<ArgumentException>(() => new AtomicWrite([]));

    [Fact]
    public void Write_mixing_entities_is_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new AtomicWrite([Event("a", 1), Event("b", 2)]));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_with_a_gap_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AtomicWrite([Event("a", 1), Event("a", 3)]));

    [Fact]
    public void Sequence_numbers_start_at_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Event("a", 0));
}
