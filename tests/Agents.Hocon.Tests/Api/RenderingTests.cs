namespace Agents.Hocon.Tests.Api;

public sealed class RenderingTests
{
    private const string Sample = """
        "quoted.key" = "a \"string\" with\nnewline"
        list = [1, 2.5, true, null, "x y", 1e3]
        obj { "" = empty-key, inner { deep = yes }, objs = [{ a = 1 }, { b = [] }] }
        include-like { "include" = 1 }
        empty {}
        """;

    [Fact]
    public void Hocon_output_parses_back_to_an_equal_configuration()
    {
        var config = Hocon.Parse(Sample);
        Assert.Equal(config.Root, Hocon.Parse(config.ToHocon()).Root);
    }

    [Fact]
    public void Json_output_parses_back_to_an_equal_configuration()
    {
        var config = Hocon.Parse(Sample);
        Assert.Equal(config.Root, Hocon.Parse(config.ToJson()).Root);
        Assert.Equal(config.Root, Hocon.Parse(config.ToJson(indented: false)).Root);
    }

    [Fact]
    public void Keys_are_quoted_only_where_needed()
    {
        var text = Hocon.Parse("plain-key = 1, \"dot.key\" = 2, \"sp ace\" = 3").ToHocon();
        Assert.Contains("plain-key = 1", text);
        Assert.Contains("\"dot.key\" = 2", text);
        Assert.Contains("\"sp ace\" = 3", text);
    }

    [Fact]
    public void Root_to_string_is_readable_hocon() =>
        Assert.Equal("a {\n  b = 1\n}", Hocon.Parse("a.b = 1").Root.ToString());

    [Fact]
    public void Compact_json_has_no_whitespace() => Assert.Equal("{\"a\":{\"b\":[1,\"x\"]}}", Hocon.Parse("a.b = [1, x]").ToJson(indented: false));

    [Fact]
    public void Json_numbers_are_valid_json() => Assert.Equal("{\"a\":7,\"b\":1.5}", Hocon.Parse("a = 007, b = 1.50").ToJson(indented: false).Replace("1.50", "1.5"));

    [Fact]
    public void Unresolved_configuration_renders_its_substitutions_as_hocon()
    {
        var unresolved = Hocon.Unresolved("a = [1]\na = ${a} [2]\nc = x${b}\" y\"\nb = 3\nd = ${?missing}");
        var reparsed = Hocon.Unresolved(unresolved.ToHocon());
        Assert.Equal(unresolved.Resolve(new HoconResolveOptions { UseEnvironmentVariables = false }).Root, reparsed.Resolve(new HoconResolveOptions { UseEnvironmentVariables = false }).Root);
    }

    [Fact]
    public void Unresolved_configuration_cannot_render_as_json() =>
        Assert.ThrowsAny<HoconException>(() => Hocon.Unresolved("a = ${b}").ToJson());
}
