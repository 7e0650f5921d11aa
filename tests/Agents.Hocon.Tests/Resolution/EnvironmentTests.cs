namespace Agents.Hocon.Tests.Resolution;

public sealed class EnvironmentTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["HOME"] = "/home/agent",
        ["EMPTY"] = "",
        ["PORT"] = "8080",
        ["a.b"] = "dotted",
    };

    [Fact]
    public void Unset_path_falls_back_to_the_environment() => Assert.Equal("/home/agent", Hocon.Parse("home = ${HOME}", Environment).GetString("home"));

    [Fact]
    public void Environment_values_are_strings_that_coerce() =>
        Assert.IsType<HoconString>(Hocon.Parse("port = ${PORT}", Environment).GetValue("port"));

    [Fact]
    public void Environment_string_converts_on_request() => Assert.Equal(8080, Hocon.Parse("port = ${PORT}", Environment).GetInt("port"));

    [Fact]
    public void Configuration_value_wins_over_the_environment() =>
        Assert.Equal("/configured", Hocon.Parse("HOME = /configured, home = ${HOME}", Environment).GetString("home"));

    [Fact]
    public void Explicit_null_blocks_the_environment_lookup() => Assert.True(Hocon.Parse("HOME = null, home = ${HOME}", Environment).IsNull("home"));

    [Fact]
    public void Empty_environment_value_stays_empty() => Assert.Equal("", Hocon.Parse("e = ${EMPTY}", Environment).GetString("e"));

    [Fact]
    public void Dotted_path_looks_up_the_dotted_name() => Assert.Equal("dotted", Hocon.Parse("x = ${a.b}", Environment).GetString("x"));

    [Fact]
    public void Optional_substitution_uses_the_environment() => Assert.Equal("/home/agent", Hocon.Parse("h = ${?HOME}", Environment).GetString("h"));

    [Fact]
    public void Self_reference_without_previous_value_falls_back_to_the_environment() =>
        Assert.Equal("/home/agent:/x", Hocon.Parse("HOME = ${HOME}\":/x\"", Environment).GetString("HOME"));

    [Fact]
    public void Environment_fallback_can_be_switched_off() =>
        Assert.Throws<HoconException>(() => Config.Parse("home = ${HOME}", new HoconParseOptions { UseEnvironmentVariables = false, EnvironmentLookup = name => Environment.GetValueOrDefault(name) }));

    [Fact]
    public void Resolve_options_can_switch_off_the_environment()
    {
        var unresolved = Hocon.Unresolved("h = ${?HOME}");
        var resolved = unresolved.Resolve(new HoconResolveOptions { UseEnvironmentVariables = false, EnvironmentLookup = name => Environment.GetValueOrDefault(name) });
        Assert.False(resolved.HasPath("h"));
    }

    [Fact]
    public void Included_substitution_falls_back_to_the_environment_without_the_prefix()
    {
        var resolver = new MemoryIncludeResolver(("inc.conf", "x = ${HOME}"));
        var config = Config.Parse("a { include \"inc.conf\" }", new HoconParseOptions { IncludeResolver = resolver, EnvironmentLookup = name => Environment.GetValueOrDefault(name) });
        Assert.Equal("/home/agent", config.GetString("a.x"));
    }
}
