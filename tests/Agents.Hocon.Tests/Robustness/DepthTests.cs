namespace Agents.Hocon.Tests.Robustness;

public sealed class DepthTests
{
    [Theory]
    [InlineData("{a:", "}")]
    [InlineData("[", "]")]
    [InlineData("a {", "}")]
    public void Ten_thousand_levels_of_nesting_is_an_error_not_a_stack_overflow(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 10_000)) + string.Concat(Enumerable.Repeat(close, 10_000));
        var error = Hocon.Error(open.StartsWith('a') ? text : "x = " + text);
        Assert.Contains("MaxDepth", error.Message);
    }

    [Fact]
    public void Nesting_within_max_depth_parses()
    {
        var text = "x = " + new string('[', 500) + new string(']', 500);
        Assert.True(Hocon.Parse(text).HasPath("x"));
    }

    [Fact]
    public void Max_depth_is_configurable()
    {
        var options = Hocon.NoEnvironment with { MaxDepth = 3 };
        Assert.ThrowsAny<HoconException>(() => Config.Parse("a { b { c { d = 1 } } }", options));
    }

    [Fact]
    public void Long_substitution_chain_is_an_error_not_a_stack_overflow()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"k{i} = ${{k{i + 1}}}").Append("k20000 = 1");
        var error = Hocon.Error(string.Join('\n', lines));
        Assert.Contains("MaxDepth", error.Message);
    }

    [Fact]
    public void Deep_tree_built_by_substitutions_renders_or_fails_cleanly()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"k{i} {{ v = ${{k{i + 1}}} }}").Append("k400 = 1");
        var config = Hocon.Parse(string.Join('\n', lines));
        Assert.NotEmpty(config.ToHocon());
        Assert.NotEmpty(config.ToJson());
    }
}
