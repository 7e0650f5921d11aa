namespace Agents.Hocon.Tests.Resolution;

public sealed class SubstitutionTests
{
    [Fact]
    public void Required_substitution_takes_the_value() => Assert.Equal(1, Hocon.Parse("a = 1, b = ${a}").GetInt("b"));

    [Fact]
    public void Substitution_path_may_be_quoted_and_dotted() =>
        Assert.Equal(5, Hocon.Parse("a { \"b.c\" = 5 }, d = ${a.\"b.c\"}").GetInt("d"));

    [Fact]
    public void Undefined_required_substitution_is_an_error_naming_it_and_its_position()
    {
        var error = Hocon.Error("a = 1\nb = ${does.not.exist}");
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("${does.not.exist}", error.Message);
    }

    [Fact]
    public void Optional_substitution_requires_the_exact_token() => Hocon.Error("a = ${ ?x}");

    [Fact]
    public void Substitution_is_not_parsed_inside_quotes() => Assert.Equal("${a}", Hocon.Parse("a = 1, b = \"${a}\"").GetString("b"));

    [Fact]
    public void Forward_reference_resolves() => Assert.Equal(2, Hocon.Parse("a = ${b}, b = 2").GetInt("a"));

    [Fact]
    public void Substitution_sees_the_latest_value_of_a_key() => Assert.Equal(3, Hocon.Parse("b = 2, a = ${b}, b = 3").GetInt("a"));

    [Fact]
    public void Substitution_sees_the_merged_object() =>
        Hocon.Same("x { a = 1, b = 2 }, y { a = 1, b = 2 }", "x { a = 1 }, y = ${x}, x { b = 2 }");

    [Fact]
    public void Lone_substitution_keeps_its_type()
    {
        var root = Hocon.Parse("n = 42, b = true, o { k = v }, c = ${n}, d = ${b}, e = ${o}").Root;
        Assert.IsType<HoconNumber>(root["c"]);
        Assert.IsType<HoconBoolean>(root["d"]);
        Assert.IsType<HoconObject>(root["e"]);
    }

    [Fact]
    public void Substitution_mixed_with_text_becomes_a_string() =>
        Assert.Equal("port 8080!", Hocon.Parse("p = 8080, s = port ${p}\"!\"").GetString("s"));

    [Fact]
    public void Null_substitution_is_empty_in_a_string() => Assert.Equal("ab", Hocon.Parse("n = null, s = a${n}b").GetString("s"));

    [Fact]
    public void Undefined_optional_field_is_not_created() => Assert.False(Hocon.Parse("a = ${?missing}").HasPathOrNull("a"));

    [Fact]
    public void Undefined_optional_keeps_the_earlier_value() => Assert.Equal(1, Hocon.Parse("a = 1, a = ${?missing}").GetInt("a"));

    [Fact]
    public void Undefined_optional_array_element_is_dropped() => Hocon.Same("a = [1, 2]", "a = [1, ${?missing}, 2]");

    [Fact]
    public void Undefined_optional_is_empty_in_a_string() => Assert.Equal("ab", Hocon.Parse("s = a${?missing}b").GetString("s"));

    [Fact]
    public void Undefined_optional_is_empty_in_an_array_concatenation() => Hocon.Same("a = [1]", "a = ${?missing} [1]");

    [Fact]
    public void Undefined_optional_is_empty_in_an_object_concatenation() => Hocon.Same("a { x = 1 }", "a = ${?missing} { x = 1 }");

    [Fact]
    public void Field_of_only_undefined_optionals_is_not_created() =>
        Assert.False(Hocon.Parse("a = ${?x}${?y}").HasPathOrNull("a"));

    [Fact]
    public void Array_substitutions_concatenate() => Hocon.Same("a = [1, 2], b = [1, 2, 3]", "a = [1, 2], b = ${a} [3]");

    [Fact]
    public void Object_substitutions_merge() => Hocon.Same("a { x = 1 }, b { x = 1, y = 2 }", "a { x = 1 }, b = ${a} { y = 2 }");

    [Fact]
    public void Substitution_of_an_array_mixed_with_a_string_is_an_error() =>
        Assert.Contains("cannot concatenate", Hocon.Error("a = [1], b = ${a} foo").Message);

    [Fact]
    public void Object_may_refer_to_its_own_fields() => Assert.Equal(42, Hocon.Parse("bar { foo = 42, baz = ${bar.foo} }").GetInt("bar.baz"));

    [Fact]
    public void Own_field_reference_looks_forward_to_the_final_value() =>
        Assert.Equal(43, Hocon.Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }").GetInt("bar.baz"));

    [Fact]
    public void Mutually_referring_objects_resolve()
    {
        var config = Hocon.Parse("bar { a = ${foo.d}, b = 1 }\nbar.b = 3\nfoo { c = ${bar.b}, d = 2 }\nfoo.d = 4");
        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void Two_step_cycle_is_an_error_naming_both_substitutions()
    {
        var error = Hocon.Error("bar = ${foo}\nfoo = ${bar}");
        Assert.Contains("cycle", error.Message);
        Assert.Contains("${foo}", error.Message);
        Assert.Contains("${bar}", error.Message);
    }

    [Fact]
    public void Three_step_cycle_is_an_error() => Assert.Contains("cycle", Hocon.Error("a = ${b}\nb = ${c}\nc = ${a}").Message);

    [Fact]
    public void Substitution_inside_its_own_object_is_a_cycle() => Assert.Contains("cycle", Hocon.Error("a { b = ${a} }").Message);

    [Fact]
    public void Substitution_inside_its_own_array_is_a_cycle() => Assert.Contains("cycle", Hocon.Error("a = [${a}]").Message);

    [Fact]
    public void Optional_substitution_in_a_cycle_is_undefined() => Assert.False(Hocon.Parse("a { b = ${?a} }").HasPath("a.b"));

    [Fact]
    public void Substitution_hidden_by_a_later_value_is_never_evaluated() => Assert.Equal(42, Hocon.Parse("foo = ${does-not-exist}\nfoo = 42").GetInt("foo"));

    [Fact]
    public void Cycle_hidden_by_a_later_value_is_ignored() => Assert.Equal(42, Hocon.Parse("foo = ${foo}\nfoo = 42").GetInt("foo"));

    [Fact]
    public void Each_occurrence_resolves_once_and_both_fields_agree()
    {
        var config = Hocon.Parse("a = 1\nb = 2\na = ${b}\nb = ${a}");
        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void Shared_substitution_target_is_resolved_once()
    {
        var config = Hocon.Parse("x { deep = ${y} }, y = 1, a = ${x}, b = ${x}");
        Assert.Same(config.GetValue("a"), config.GetValue("b"));
    }

    [Fact]
    public void Resolution_skipped_document_is_resolved() => Assert.True(Hocon.Unresolved("a = 1, b { c = [1, 2] }").IsResolved);

    [Fact]
    public void Unresolved_document_reports_it() => Assert.False(Hocon.Unresolved("a = 1, b = ${a}").IsResolved);

    [Fact]
    public void Reading_an_unresolved_value_asks_for_resolve() =>
        Assert.Contains("Resolve()", Assert.ThrowsAny<HoconException>(() => Hocon.Unresolved("a = 1, b = ${a}").GetInt("b")).Message);
}
