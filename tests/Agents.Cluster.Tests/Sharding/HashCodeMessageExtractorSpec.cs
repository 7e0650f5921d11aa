using Agents.Cluster.Sharding;

namespace Agents.Cluster.Tests.Sharding;

public sealed class HashCodeMessageExtractorSpec
{
    private static readonly HashCodeMessageExtractor Extractor = HashCodeMessageExtractor.Create(100);

    // MurmurHash3 x86 32-bit, seed 0, of the UTF-8 bytes: the published reference values of the algorithm.
    [Theory]
    [InlineData("hello", 0x248bfa47u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x2e4ff723u)]
    public void Shard_ids_are_the_reference_MurmurHash3_of_the_entity_id_modulo_the_number_of_shards(string entityId, uint murmur)
    {
        Assert.Equal((murmur % 100).ToString(System.Globalization.CultureInfo.InvariantCulture), HashCodeMessageExtractor.ShardIdOf(entityId, 100));
        Assert.Equal((murmur % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), HashCodeMessageExtractor.ShardIdOf(entityId, 7));
    }

    [Theory]
    [InlineData("agent-1", "38")]
    [InlineData("training-monitor/7", "82")]
    [InlineData("ümlaut-ß", "42")]
    public void Known_entity_ids_keep_their_shard_ids(string entityId, string shardId) =>
        Assert.Equal(shardId, HashCodeMessageExtractor.ShardIdOf(entityId, 100));

    [Fact]
    public void An_envelope_and_StartEntity_of_one_entity_go_to_the_same_shard()
    {
        var envelope = new ShardingEnvelope("agent-42", "hi");

        Assert.Equal("agent-42", Extractor.EntityId(envelope));
        Assert.Equal("hi", Extractor.EntityMessage(envelope));
        Assert.Equal(Extractor.ShardId(envelope), Extractor.ShardId(new StartEntity("agent-42")));
    }

    [Fact]
    public void A_message_for_no_entity_has_no_shard()
    {
        Assert.Null(Extractor.EntityId("loose string"));
        Assert.Null(Extractor.ShardId("loose string"));
    }

    [Fact]
    public void A_custom_entity_id_function_routes_other_messages()
    {
        var extractor = HashCodeMessageExtractor.Create(10, m => m is int n ? $"n{n}" : null);

        Assert.Equal("n5", extractor.EntityId(5));
        Assert.Equal(HashCodeMessageExtractor.ShardIdOf("n5", 10), extractor.ShardId(5));
        Assert.Equal(5, extractor.EntityMessage(5));
    }

    [Fact]
    public void Fewer_than_one_shard_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HashCodeMessageExtractor.Create(0));

        Assert.Contains("at least 1 shard", error.Message, StringComparison.Ordinal);
    }
}
