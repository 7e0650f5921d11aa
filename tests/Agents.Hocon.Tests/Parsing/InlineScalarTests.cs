namespace Agents.Hocon.Tests.Parsing;

/// <summary>
/// The parser keeps plain scalars as positions in the source text and builds them on first read;
/// what a reader sees must not depend on when, where or from how many threads it reads.
/// </summary>
public sealed class InlineScalarTests
{
    [Fact]
    public void Scalars_built_on_first_read_keep_their_type_and_text()
    {
        var root = Hocon.Parse("""
            a = 42, b = 1.50, c = true, d = false, e = null, f = "q s", g = text here, h = 042, i = 5s, j = ""
            """).Root;
        Assert.Equal(42, Assert.IsType<HoconNumber>(root["a"]).TryGetInt64(out var a) ? a : -1);
        Assert.Equal("1.50", Assert.IsType<HoconNumber>(root["b"]).Text);
        Assert.True(Assert.IsType<HoconBoolean>(root["c"]).Value);
        Assert.False(Assert.IsType<HoconBoolean>(root["d"]).Value);
        Assert.IsType<HoconNull>(root["e"]);
        Assert.Equal("q s", Assert.IsType<HoconString>(root["f"]).Value);
        Assert.Equal("text here", Assert.IsType<HoconString>(root["g"]).Value);
        Assert.Equal("042", Assert.IsType<HoconNumber>(root["h"]).Text);
        Assert.Equal("5s", Assert.IsType<HoconString>(root["i"]).Value);
        Assert.Equal("", Assert.IsType<HoconString>(root["j"]).Value);
    }

    [Theory]
    [InlineData("a.b-c_d = 1", "\"a\".\"b-c_d\" = 1")]
    [InlineData("1.5 = x", "\"1\".\"5\" = \"x\"")]
    [InlineData("a\t= 5s", "\"a\" = \"5s\"")]
    [InlineData("a : 1.5.3", "\"a\" = \"1.5.3\"")]
    [InlineData("a = -1e5 // c", "\"a\" = -1e5")]
    [InlineData("a = 1e+5", "\"a\" = 1e+5")]
    [InlineData("a = true # c", "\"a\" = true")]
    [InlineData("a = trueish", "\"a\" = \"trueish\"")]
    [InlineData("a = x \r\nb = y", "\"a\" = \"x\", \"b\" = \"y\"")]
    [InlineData("a = x y.z", "\"a\" = \"x y.z\"")]
    [InlineData("a b = 1", "\"a b\" = 1")]
    [InlineData("a += 1", "\"a\" = [1]")]
    [InlineData("a+=1", "\"a\" = [1]")]
    [InlineData("a { b = null }", "\"a\" { \"b\" = null }")]
    [InlineData("a = [x, 2, false]", "\"a\" = [\"x\", 2, false]")]
    [InlineData("a\n= 1", "\"a\" = 1")]
    public void Plain_keys_and_values_read_in_one_pass_mean_what_the_general_reader_reads(string plain, string quoted) =>
        Hocon.Same(quoted, plain);

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData("a. = 1")]
    [InlineData(".a = 1")]
    public void Empty_path_elements_in_a_plain_key_are_errors(string text) =>
        Assert.Contains("may not start or end with '.'", Hocon.Error(text).Message);

    [Fact]
    public void A_scalar_read_long_after_parsing_names_its_file_line_and_column()
    {
        var config = Config.Parse("a {\n  port = eighty\n}", Hocon.NoEnvironment with { Origin = "node.conf" });
        var error = Assert.Throws<HoconWrongTypeException>(() => config.GetInt("a.port"));
        Assert.Equal(("node.conf", 2, 10), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Scalars_of_merged_configurations_keep_the_origin_of_their_own_text()
    {
        var app = Config.Parse("x = 1", Hocon.NoEnvironment with { Origin = "app.conf" });
        var reference = Config.Parse("\n\ny { z = two }", Hocon.NoEnvironment with { Origin = "reference.conf" });
        var merged = app.WithFallback(reference).Resolve();
        Assert.Equal(new HoconOrigin("reference.conf", 3, 9), ((HoconObject)merged.Root["y"])["z"].Origin);
        Assert.Equal("two", merged.GetString("y.z"));
        Assert.Equal(1, merged.GetInt("x"));
    }

    [Fact]
    public void An_object_merged_into_an_object_of_another_file_keeps_its_scalars()
    {
        var app = Config.Parse("a { x = 1 }", Hocon.NoEnvironment with { Origin = "app.conf" });
        var reference = Config.Parse("a { y = \"two\" }", Hocon.NoEnvironment with { Origin = "reference.conf" });
        var merged = reference.WithFallback(app);
        Assert.Equal(1, merged.GetInt("a.x"));
        Assert.Equal("two", merged.GetString("a.y"));
        Assert.Equal("app.conf", ((HoconObject)merged.Root["a"])["x"].Origin.Description);
    }

    [Fact]
    public void A_path_key_that_adds_to_an_included_object_keeps_the_text_of_its_own_file()
    {
        // The included object lives in the other file's text; the new scalar must not be read from there.
        var resolver = new MemoryIncludeResolver(("other.conf", "a { x = 1 }"));
        var config = Config.Parse("include \"other.conf\"\na.y = wxyz", Hocon.NoEnvironment with { IncludeResolver = resolver, Origin = "main.conf" });
        Assert.Equal("wxyz", config.GetString("a.y"));
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(new HoconOrigin("main.conf", 2, 7), ((HoconObject)config.Root["a"])["y"].Origin);
    }

    [Fact]
    public void A_duplicate_key_that_replaces_an_included_value_keeps_the_text_of_its_own_file()
    {
        var resolver = new MemoryIncludeResolver(("other.conf", "a { x = 1 }"));
        var config = Config.Parse("include \"other.conf\"\na.x = 23456", Hocon.NoEnvironment with { IncludeResolver = resolver });
        Assert.Equal(23456, config.GetInt("a.x"));
    }

    [Fact]
    public void Arrays_joined_by_concatenation_keep_their_scalars()
    {
        var config = Hocon.Parse("a = [1, two] [\"three\", true]");
        Assert.Equal(["1", "two", "three", "true"], config.GetStringList("a"));
    }

    [Fact]
    public void Threads_reading_a_fresh_configuration_at_once_see_the_same_values()
    {
        var text = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"k{i} = {i}"));
        var config = Hocon.Parse(text);
        var seen = new long[4][];
        Parallel.For(0, seen.Length, t =>
        {
            seen[t] = new long[2000];
            for (var i = 0; i < 2000; i++)
            {
                seen[t][i] = config.GetLong($"k{(i + t * 500) % 2000}");
            }
        });
        for (var t = 0; t < seen.Length; t++)
        {
            for (var i = 0; i < 2000; i++)
            {
                Assert.Equal((i + t * 500) % 2000, seen[t][i]);
            }
        }
    }
}
