namespace Agents.Hocon.Tests.Parsing;

public sealed class ConcatenationTests
{
    [Fact]
    public void Simple_values_on_one_line_become_a_string() =>
        Assert.Equal("null bar 42 baz true 3.14 hi", Hocon.Parse("a = null bar 42 \"baz\" true 3.14 hi").GetString("a"));

    [Fact]
    public void Inner_whitespace_is_kept_and_outer_trimmed() =>
        Assert.Equal("foo   bar", Hocon.Parse("a =   foo   bar   \nb = 1").GetString("a"));

    [Fact]
    public void Concatenation_never_crosses_a_newline() => Hocon.Error("a = foo\nbar");

    [Fact]
    public void Single_value_keeps_its_type()
    {
        var root = Hocon.Parse("t = true, n = 42, z = null").Root;
        Assert.IsType<HoconBoolean>(root["t"]);
        Assert.IsType<HoconNumber>(root["n"]);
        Assert.IsType<HoconNull>(root["z"]);
    }

    [Fact]
    public void Keywords_and_numbers_stringify_as_written() =>
        Assert.Equal("1.50 true null", Hocon.Parse("a = 1.50 true null").GetString("a"));

    [Fact]
    public void Arrays_concatenate() => Hocon.Same("a = [1, 2, 3]", "a = [1] [2, 3]");

    [Fact]
    public void Objects_concatenate_by_merging() => Hocon.Same("a = { x = 1, y = 3, z = 4 }", "a = { x = 1, y = 2 } { y = 3, z = 4 }");

    [Fact]
    public void Mixing_a_string_with_an_array_is_an_error() =>
        Assert.Contains("cannot concatenate", Hocon.Error("a = foo [1]").Message);

    [Fact]
    public void Mixing_an_object_with_an_array_is_an_error() => Hocon.Error("a = { x = 1 } [1]");

    [Fact]
    public void Space_between_array_elements_concatenates() => Hocon.Same("a = [\"1 2\"]", "a = [1 2]");

    [Fact]
    public void Quoted_and_unquoted_pieces_join_without_added_space() =>
        Assert.Equal("foobar baz", Hocon.Parse("a = foo\"bar\" baz").GetString("a"));

    [Fact]
    public void Key_concatenation_keeps_whitespace() => Assert.True(Hocon.Parse("a \"b\" c = 1").Root.ContainsKey("a b c"));

    [Fact]
    public void Substitution_is_not_allowed_in_a_key() => Hocon.Error("a${b} = 1");

    [Fact]
    public void Object_concatenation_may_span_lines_inside_braces() =>
        Hocon.Same("a { x = 1, y = 2 }", "a = {\n x = 1\n} {\n y = 2\n}");
}
