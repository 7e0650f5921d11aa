namespace Agents.Hocon.Tests.Parsing;

public sealed class MergeTests
{
    [Fact]
    public void Later_duplicate_key_wins() => Assert.Equal(2, Hocon.Parse("a = 1, a = 2").GetInt("a"));

    [Fact]
    public void Duplicate_objects_merge_recursively() =>
        Hocon.Same("foo { a = 42, b = 43, c { x = 1, y = 2 } }", "foo { a = 42, c { x = 1 } }, foo { b = 43, c { y = 2 } }");

    [Fact]
    public void Scalar_then_object_is_the_object() => Hocon.Same("a { b = 1 }", "a = 5, a { b = 1 }");

    [Fact]
    public void Object_then_scalar_is_the_scalar() => Hocon.Same("a = 5", "a { b = 1 }, a = 5");

    [Fact]
    public void Null_between_two_objects_blocks_the_merge() =>
        Hocon.Same("foo { b = 43 }", "foo { a = 42 }, foo = null, foo { b = 43 }");

    [Fact]
    public void Merged_object_keeps_first_definition_order()
    {
        var a = (HoconObject)Hocon.Parse("a { x = 1, y = 2 }, a { z = 3, x = 4 }").Root["a"];
        Assert.Equal(["x", "y", "z"], a.Keys);
    }
}
