namespace Agents.Hocon.Tests.Api;

public sealed class EqualityTests
{
    [Fact]
    public void Key_order_does_not_matter() => Assert.Equal(Hocon.Parse("a = 1, b = 2").Root, Hocon.Parse("b = 2, a = 1").Root);

    [Fact]
    public void Numbers_compare_by_value() => Assert.Equal(Hocon.Parse("a = 42").Root, Hocon.Parse("a = 42.0").Root);

    [Fact]
    public void Equal_values_have_equal_hash_codes() => Assert.Equal(Hocon.Parse("b = 42.0, a = [x]").Root.GetHashCode(), Hocon.Parse("a = [x], b = 42").Root.GetHashCode());

    [Fact]
    public void Types_are_strict() => Assert.NotEqual(Hocon.Parse("a = \"true\"").Root, Hocon.Parse("a = true").Root);

    [Fact]
    public void Array_order_matters() => Assert.NotEqual(Hocon.Parse("a = [1, 2]").Root, Hocon.Parse("a = [2, 1]").Root);

    [Fact]
    public void Origins_do_not_matter() => Assert.Equal(Hocon.Parse("\n\na = 1").Root, Hocon.Parse("a = 1").Root);
}
