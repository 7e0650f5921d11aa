namespace Agents.Hocon.Tests.Formats;

public sealed class PropertiesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Config Load(string text) => Config.ParseFile(_folder.Write("p-" + Guid.NewGuid().ToString("N") + ".properties", text), Hocon.NoEnvironment);

    [Fact]
    public void Keys_split_on_dots_into_objects() => Assert.Equal("1", Load("a.b.c=1").GetString("a.b.c"));

    [Fact]
    public void Values_are_always_strings() => Assert.IsType<HoconString>(Load("n=42\nb=true").GetValue("n"));

    [Fact]
    public void Empty_key_parts_are_kept()
    {
        var root = Load("a..b=x\n.=y").Root;
        Assert.True(((HoconObject)((HoconObject)root["a"])[""]).ContainsKey("b"));
        Assert.True(((HoconObject)root[""]).ContainsKey(""));
    }

    [Fact]
    public void Object_wins_over_a_string_in_either_order()
    {
        Assert.Equal("world", Load("a=hello\na.b=world").GetString("a.b"));
        Assert.Equal("world", Load("a.b=world\na=hello").GetString("a.b"));
    }

    [Fact]
    public void Separators_whitespace_comments_and_continuations_follow_java()
    {
        var config = Load("# comment\n! also comment\nk1 = v1\nk2:v2\nk3 v3\nk4 = long \\\n    value\nk5=\\u0041\\tB");
        Assert.Equal("v1", config.GetString("k1"));
        Assert.Equal("v2", config.GetString("k2"));
        Assert.Equal("v3", config.GetString("k3"));
        Assert.Equal("long value", config.GetString("k4"));
        Assert.Equal("A\tB", config.GetString("k5"));
    }

    [Fact]
    public void Later_duplicate_wins() => Assert.Equal("2", Load("a=1\na=2").GetString("a"));

    [Fact]
    public void Numeric_keys_read_as_a_list() => Assert.Equal(["a", "b"], Load("list.1=b\nlist.0=a").GetStringList("list"));
}
