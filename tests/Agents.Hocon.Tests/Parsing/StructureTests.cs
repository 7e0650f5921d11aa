namespace Agents.Hocon.Tests.Parsing;

public sealed class StructureTests
{
    [Fact]
    public void Root_braces_may_be_omitted() => Hocon.Same("{ a = 1, b { c = 2 } }", "a = 1\nb { c = 2 }");

    [Fact]
    public void Empty_document_is_an_empty_object() => Assert.True(Hocon.Parse("  \n # only a comment\n").IsEmpty);

    [Fact]
    public void Unbalanced_closing_brace_without_root_brace_is_an_error()
    {
        var error = Hocon.Error("a = 1\n}");
        Assert.Equal(2, error.Line);
        Assert.Contains("unbalanced", error.Message);
    }

    [Fact]
    public void Missing_closing_brace_names_where_the_object_was_opened()
    {
        var error = Hocon.Error("a {\n  b = 1\n");
        Assert.Contains("expected '}' to close the object opened at 1:3, found end of input", error.Message);
    }

    [Fact]
    public void Array_root_parses_as_a_value()
    {
        var value = Config.ParseValue("[1, 2, 3]", Hocon.NoEnvironment);
        Assert.Equal(3, Assert.IsType<HoconArray>(value).Count);
    }

    [Fact]
    public void Array_root_is_not_a_configuration() => Assert.Contains("root of a configuration must be an object", Hocon.Error("[1, 2]").Message);

    [Theory]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("true")]
    public void Lone_scalar_at_the_root_is_an_error(string text) => Hocon.Error(text);

    [Fact]
    public void Colon_and_equals_are_both_separators() => Hocon.Same("{ \"a\" : 1, \"b\" : 2 }", "a = 1, b : 2");

    [Fact]
    public void Separator_may_be_omitted_before_an_object() => Hocon.Same("a : { b : 1 }", "a { b : 1 }");

    [Fact]
    public void Separator_may_not_be_omitted_before_other_values() => Hocon.Error("a [1]");

    [Fact]
    public void Newline_replaces_comma_between_fields() => Hocon.Same("a = 1, b = 2", "a = 1\nb = 2");

    [Fact]
    public void Newline_replaces_comma_between_array_elements() => Hocon.Same("a = [1, 2, 3]", "a = [1\n2\n3]");

    [Theory]
    [InlineData("a = [1, 2, 3,]")]
    [InlineData("{ a = 1, }")]
    public void One_trailing_comma_is_allowed(string text) => Hocon.Parse(text);

    [Theory]
    [InlineData("a = [1, 2, 3,,]")]
    [InlineData("a = [,1, 2]")]
    [InlineData("a = [1,,2]")]
    [InlineData("{ a = 1,, }")]
    [InlineData("{ , a = 1 }")]
    [InlineData("a = 1,, b = 2")]
    public void Doubled_or_leading_commas_are_errors(string text) => Hocon.Error(text);

    [Fact]
    public void Fields_on_one_line_need_a_comma() => Hocon.Error("{ a = 1 b = 2 }");

    [Fact]
    public void Newlines_may_stand_between_key_separator_and_value() => Hocon.Same("a = 1", "a\n\n=\n\n1");

    [Fact]
    public void Missing_value_is_an_error_naming_the_key() => Assert.Contains("'a'", Hocon.Error("{ a = }").Message);

    [Fact]
    public void Any_valid_json_parses_to_the_same_data()
    {
        const string json = """
            {"s":"x\u00e9\n","n":-1.5e3,"i":12,"t":true,"f":false,"z":null,"a":[1,{"b":[]},"c"],"o":{"":"empty key","k.k":1}}
            """;
        var config = Hocon.Parse(json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Null(Conformance.JsonEquivalence.Difference(config.Root, doc.RootElement));
    }

    [Fact]
    public void Json_output_parses_back_as_json_to_the_same_data()
    {
        var config = Hocon.Parse("a { b = [1, 2.5, x, null, true] }, c = \"q\\\"uote\"");
        using var doc = System.Text.Json.JsonDocument.Parse(config.ToJson());
        Assert.Null(Conformance.JsonEquivalence.Difference(config.Root, doc.RootElement));
    }
}
