using Agents.Cluster.Sharding;

namespace Agents.Cluster.Tests.Sharding;

public sealed class EntityNamesSpec
{
    [Theory]
    [InlineData("agent-1_v2.3")]
    [InlineData("user@example.com")]
    [InlineData("a+b=c,d!'e:f")]
    public void Ids_made_of_name_characters_are_kept(string entityId) => Assert.Equal(entityId, EntityNames.Escape(entityId));

    [Theory]
    [InlineData("$a", "~24a")]
    [InlineData("a/b c", "a~2Fb~20c")]
    [InlineData("ü", "~C3~BC")]
    [InlineData("😀", "~F0~9F~98~80")]
    [InlineData("~", "~7E")]
    public void Other_characters_are_escaped_as_the_hex_of_their_UTF8_bytes(string entityId, string name) =>
        Assert.Equal(name, EntityNames.Escape(entityId));

    [Fact]
    public void An_id_that_looks_like_an_escape_does_not_share_a_name_with_the_escaped_id() =>
        Assert.NotEqual(EntityNames.Escape("a/"), EntityNames.Escape("a~2F"));
}
