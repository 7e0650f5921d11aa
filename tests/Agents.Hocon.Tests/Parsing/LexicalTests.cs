namespace Agents.Hocon.Tests.Parsing;

public sealed class LexicalTests
{
    [Fact]
    public void Byte_order_mark_is_whitespace() => Hocon.Same("a = 1", "\uFEFFa = 1");

    [Fact]
    public void Byte_order_mark_between_tokens_is_whitespace() => Hocon.Same("a = 1", "a\uFEFF=\uFEFF1");

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\u2007')]
    [InlineData('\u202F')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u3000')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001C')]
    [InlineData('\u001F')]
    public void Unicode_and_control_separators_are_whitespace(char space) =>
        Hocon.Same("a = 1", $"{space}a{space}={space}1{space}");

    [Fact]
    public void Unicode_space_ends_an_unquoted_string() =>
        Assert.Equal("foo bar", Hocon.Parse("a = foo\u00A0bar").GetString("a").Replace('\u00A0', ' '));

    [Fact]
    public void Only_ascii_newline_separates_fields() =>
        Hocon.Error("a = 1\u2028b = 2");

    [Fact]
    public void Hash_comment_runs_to_end_of_line() => Hocon.Same("a = 1\nb = 2", "a = 1 # comment b = 3\nb = 2");

    [Fact]
    public void Double_slash_comment_runs_to_end_of_line() => Hocon.Same("a = 1\nb = 2", "a = 1 // comment\nb = 2");

    [Fact]
    public void Comment_markers_inside_quoted_strings_are_text() =>
        Assert.Equal("x # y // z", Hocon.Parse("a = \"x # y // z\"").GetString("a"));

    [Fact]
    public void Double_slash_ends_an_unquoted_string() =>
        Assert.Equal("http:", Hocon.Parse("a = \"http:\"//example.com").GetString("a"));

    [Fact]
    public void Single_slash_is_part_of_an_unquoted_string() =>
        Assert.Equal("a/b/c", Hocon.Parse("a = a/b/c").GetString("a"));

    [Theory]
    [InlineData("\\\"", "\"")]
    [InlineData("\\\\", "\\")]
    [InlineData("\\/", "/")]
    [InlineData("\\b", "\b")]
    [InlineData("\\f", "\f")]
    [InlineData("\\n", "\n")]
    [InlineData("\\r", "\r")]
    [InlineData("\\t", "\t")]
    [InlineData("\\u00e9", "é")]
    public void Quoted_strings_use_json_escapes(string escape, string expected) =>
        Assert.Equal("x" + expected + "y", Hocon.Parse($"a = \"x{escape}y\"").GetString("a"));

    [Fact]
    public void Invalid_escape_is_an_error_naming_it()
    {
        var error = Hocon.Error("a = \"x\\qy\"");
        Assert.Contains("\\q", error.Message);
    }

    [Fact]
    public void Raw_newline_in_a_quoted_string_is_an_error() => Hocon.Error("a = \"x\ny\"");

    [Fact]
    public void Raw_control_character_in_a_quoted_string_is_an_error() => Hocon.Error("a = \"x\u0001y\"");

    [Fact]
    public void Unterminated_quoted_string_is_an_error() => Hocon.Error("a = \"abc");

    [Fact]
    public void Triple_quoted_string_spans_lines_without_escapes() =>
        Assert.Equal("line1\n\\n \"quoted\"\nline3", Hocon.Parse("a = \"\"\"line1\n\\n \"quoted\"\nline3\"\"\"").GetString("a"));

    [Theory]
    [InlineData("\"\"\"a\"\"\"\"", "a\"")]
    [InlineData("\"\"\"a\"\"\"\"\"", "a\"\"")]
    [InlineData("\"\"\"\"a\"\"\"", "\"a")]
    [InlineData("\"\"\"\"\"\"", "")]
    public void Extra_closing_quotes_belong_to_a_triple_quoted_string(string literal, string expected) =>
        Assert.Equal(expected, Hocon.Parse("a = " + literal).GetString("a"));

    [Fact]
    public void Lines_after_a_triple_quoted_string_are_counted()
    {
        var config = Hocon.Parse("a = \"\"\"x\ny\nz\"\"\"\nb = 1");
        Assert.Equal(4, config.GetValue("b").Origin.Line);
    }

    [Fact]
    public void Unterminated_triple_quoted_string_is_an_error() => Hocon.Error("a = \"\"\"abc\"\"");

    [Theory]
    [InlineData('$')]
    [InlineData('`')]
    [InlineData('^')]
    [InlineData('?')]
    [InlineData('!')]
    [InlineData('@')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('\\')]
    public void Forbidden_characters_end_an_unquoted_string_and_are_errors_after_it(char forbidden) =>
        Hocon.Error($"a = foo{forbidden}bar");

    [Fact]
    public void Unquoted_strings_take_no_escapes() =>
        Assert.Equal("a\\n", Hocon.Parse("a = \"a\\\\n\"").GetString("a"));

    [Theory]
    [InlineData("truefoo")]
    [InlineData("falsefoo")]
    [InlineData("nullfoo")]
    [InlineData("10.0bar")]
    public void Leading_keyword_or_number_is_split_off_and_concatenated(string text)
    {
        var value = Hocon.Parse("a = " + text).GetValue("a");
        Assert.Equal(HoconValueType.String, value.Type);
        Assert.Equal(text, ((HoconString)value).Value);
    }

    [Fact]
    public void Keyword_inside_an_unquoted_string_is_text() =>
        Assert.Equal("footrue", Hocon.Parse("a = footrue").GetString("a"));

    [Fact]
    public void Unquoted_string_starting_with_a_hyphen_is_text_when_not_a_number() =>
        Assert.Equal("-foo", Hocon.Parse("a = -foo").GetString("a"));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("2020-01-01")]
    [InlineData("10.0.1-SNAPSHOT")]
    public void Digit_led_text_that_is_not_a_number_is_a_string(string text) =>
        Assert.Equal(new HoconString(text, default), Hocon.Parse("a = " + text).GetValue("a"));

    [Theory]
    [InlineData("42", true)]
    [InlineData("-7", true)]
    [InlineData("9223372036854775807", true)]
    [InlineData("1.5", false)]
    [InlineData("1e5", false)]
    [InlineData("-2.5E-3", false)]
    [InlineData("92233720368547758070", false)]
    public void Numbers_follow_the_json_grammar(string text, bool isInteger)
    {
        var number = Assert.IsType<HoconNumber>(Hocon.Parse("a = " + text).GetValue("a"));
        Assert.Equal(isInteger, number.IsInteger);
        Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), number.ToDouble());
    }

    [Fact]
    public void Numbers_keep_their_original_text() =>
        Assert.Equal("1e5", ((HoconNumber)Hocon.Parse("a = 1e5").GetValue("a")).Text);

    [Fact]
    public void Numbers_keep_their_original_text_in_concatenation() =>
        Assert.Equal("1e5 0.50 007", Hocon.Parse("a = 1e5 0.50 007").GetString("a"));
}
