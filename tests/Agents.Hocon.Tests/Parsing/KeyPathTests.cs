namespace Agents.Hocon.Tests.Parsing;

public sealed class KeyPathTests
{
    [Fact]
    public void Dotted_key_expands_to_nested_objects() => Hocon.Same("a { b { c = 1 } }", "a.b.c = 1");

    [Fact]
    public void Quoted_segment_keeps_its_dots() => Assert.True(((HoconObject)Hocon.Parse("a.\"b.c\" = 1").Root["a"]).ContainsKey("b.c"));

    [Fact]
    public void Quoted_key_keeps_its_dots() => Assert.True(Hocon.Parse("\"a.b\" = 1").Root.ContainsKey("a.b"));

    [Fact]
    public void Number_key_splits_on_its_dot_as_written() => Hocon.Same("\"3\" { \"14\" = x }", "3.14 : x");

    [Fact]
    public void Number_then_text_key_splits_on_the_numbers_dot() => Hocon.Same("\"10\" { \"0foo\" = x }", "10.0foo : x");

    [Fact]
    public void Keyword_and_number_keys_are_strings()
    {
        var root = Hocon.Parse("true : 1, 42 : 2, null : 3").Root;
        Assert.True(root.ContainsKey("true"));
        Assert.True(root.ContainsKey("42"));
        Assert.True(root.ContainsKey("null"));
    }

    [Fact]
    public void Whitespace_inside_an_unquoted_key_is_kept() => Assert.True(Hocon.Parse("a b  c : 42").Root.ContainsKey("a b  c"));

    [Fact]
    public void Quoted_and_unquoted_key_pieces_concatenate() => Assert.True(Hocon.Parse("foo\"10.0\" : 1").Root.ContainsKey("foo10.0"));

    [Fact]
    public void Empty_quoted_segment_is_a_key() => Hocon.Same("a { \"\" { b = 1 } }", "a.\"\".b = 1");

    [Theory]
    [InlineData("a..b = 1")]
    [InlineData(".a = 1")]
    [InlineData("a. = 1")]
    public void Empty_unquoted_segments_are_errors(string text) => Assert.Contains("'.'", Hocon.Error(text).Message);

    [Fact]
    public void Dotted_keys_merge_with_sibling_objects() => Hocon.Same("a { x = 1, y = 2 }", "a.x = 1, a { y = 2 }");

    [Fact]
    public void Unquoted_include_at_key_start_is_reserved() => Hocon.Error("include = 1");

    [Fact]
    public void Include_later_in_a_key_is_ordinary_text() => Assert.True(Hocon.Parse("foo include : 42").Root.ContainsKey("foo include"));

    [Fact]
    public void Include_as_a_value_is_a_string() => Assert.Equal("include", Hocon.Parse("foo : include").GetString("foo"));

    [Fact]
    public void Quoted_include_is_an_ordinary_key() => Assert.Equal(42, Hocon.Parse("\"include\" : 42").GetInt("\"include\""));

    [Fact]
    public void Include_followed_by_more_key_text_is_an_ordinary_key() =>
        Assert.Equal(1, Hocon.Parse("includes.x = 1").GetInt("includes.x"));

    [Fact]
    public void Getter_paths_use_the_same_syntax() => Assert.Equal(7, Hocon.Parse("a { \"b.c\" { d = 7 } }").GetInt("a.\"b.c\".d"));

    [Fact]
    public void Bad_getter_path_is_an_error() => Assert.ThrowsAny<HoconException>(() => Hocon.Parse("a = 1").GetInt("a..b"));
}
