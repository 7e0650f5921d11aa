using System.Text;
using Agents.Persistence.Adapters;
using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.Journal;

public sealed class EventCodecTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Rename(string value) : IWriteEventAdapter
    {
        public object ToJournal(object @event) => @event is SpecEvent e ? e with { Value = e.Value + value } : @event;
    }

    [Fact]
    public void Adapter_tags_are_added_to_the_event_tags_once()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer, [new TagByType<SpecEvent>("green", "blue")]);
        var stored = codec.Encode(new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent("x")) { Tags = ["green"] }), Now);

        Assert.Equal(["green", "blue"], stored[0].Tags);
        Assert.Equal("agents.testkit.spec-event", stored[0].Payload.Manifest);
    }

    [Fact]
    public void Adapters_run_in_registration_order()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer, [new Rename("-1"), new Rename("-2")]);
        var stored = codec.Encode(new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent("x"))), Now);

        Assert.Equal(new SpecEvent("x-1-2"), codec.Decode(stored[0]).Payload);
    }

    [Fact]
    public void Empty_tag_rejects_the_write()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer);
        var error = Assert.Throws<WriteRejectedException>(() =>
            codec.Encode(new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent("x")) { Tags = [" "] }), Now));
        Assert.Contains("empty tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_payload_names_entity_sequence_number_and_manifest()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer);
        var stored = new StoredEvent(
            "sensor-7", 42, new SerializedPayload("agents.testkit.spec-event", 1, Encoding.UTF8.GetBytes("{oops")), [], "w", Now);

        var error = Assert.Throws<EventDeserializationException>(() => codec.Decode(stored));
        Assert.Equal(("sensor-7", 42L, "agents.testkit.spec-event"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains("event 42 of 'sensor-7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_holding_the_null_character_is_rejected_because_jsonb_cannot_store_it()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer);
        var error = Assert.Throws<WriteRejectedException>(() =>
            codec.Encode(new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent("bad\0char"))), Now));
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_merely_spells_a_null_escape_is_accepted()
    {
        var codec = new EventCodec(PersistenceSpec.Serializer);
        var stored = codec.Encode(new AtomicWrite(new PersistentRepresentation("a", 1, new SpecEvent(@"C:\u0000\dir"))), Now);
        Assert.Equal(new SpecEvent(@"C:\u0000\dir"), codec.Decode(stored[0]).Payload);
    }
}
