namespace Agents.Hocon.Tests.Resolution;

public sealed class SelfReferenceTests
{
    [Fact]
    public void Self_reference_looks_back_to_the_previous_value() =>
        Assert.Equal("a:b:c:d", Hocon.Parse("path = \"a:b:c\"\npath = ${path}\":d\"").GetString("path"));

    [Fact]
    public void Self_referencing_array_appends() =>
        Hocon.Same("path = [/usr/bin, /bin]", "path = [/usr/bin]\npath = ${path} [/bin]");

    [Fact]
    public void Self_reference_without_previous_value_is_an_error() =>
        Assert.Contains("refers to the field it defines", Hocon.Error("foo = ${foo}").Message);

    [Fact]
    public void Optional_self_reference_without_previous_value_disappears() =>
        Assert.False(Hocon.Parse("foo = ${?foo}").HasPathOrNull("foo"));

    [Fact]
    public void Optional_self_reference_in_a_concatenation_is_empty() =>
        Assert.Equal("foo", Hocon.Parse("a = ${?a}foo").GetString("a"));

    [Fact]
    public void Self_reference_to_an_object_merges_with_it() =>
        Hocon.Same("foo { a = 1, b = 2 }", "foo { a = 1 }\nfoo = ${foo} { b = 2 }");

    [Fact]
    public void Self_reference_through_a_path_looks_below() =>
        Hocon.Same("foo { a = 2, c = 1 }", "foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }");

    [Fact]
    public void Self_reference_in_a_nested_field_looks_back() =>
        Assert.Equal("x y", Hocon.Parse("a { b = x }\na.b = ${a.b} y").GetString("a.b"));

    [Fact]
    public void Self_reference_through_another_field_looks_back()
    {
        var config = Hocon.Parse("a = 1\nb = ${a}\na = ${b}");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(1, config.GetInt("b"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_array() => Hocon.Same("a = [1, 2, 3]", "a = [1]\na += 2\na += 3");

    [Fact]
    public void Plus_equals_creates_the_array_when_absent() => Hocon.Same("a = [x]", "a += x");

    [Fact]
    public void Plus_equals_in_a_nested_object_uses_the_full_path() => Hocon.Same("o { a = [1, 2] }", "o { a = [1] }\no { a += 2 }");

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error() => Hocon.Error("a = 1\na += 2");

    [Fact]
    public void Substitution_inside_an_object_is_not_self_referential() =>
        Assert.Contains("cycle", Hocon.Error("a = { x = 1 }\na = { y = ${a} }").Message);
}
