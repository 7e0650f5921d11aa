namespace Agents.Hocon.Tests.Api;

public sealed class WithFallbackTests
{
    [Fact]
    public void Settings_of_the_receiver_win() =>
        Assert.Equal(1, Hocon.Parse("a = 1").WithFallback(Hocon.Parse("a = 2, b = 3")).GetInt("a"));

    [Fact]
    public void Fallback_fills_in_missing_settings() =>
        Assert.Equal(3, Hocon.Parse("a = 1").WithFallback(Hocon.Parse("a = 2, b = 3")).GetInt("b"));

    [Fact]
    public void Objects_merge_recursively() =>
        Assert.Equal(Hocon.Parse("a { x = 1, y = 2 }").Root, Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a { y = 2 }")).Root);

    [Fact]
    public void Non_adjacent_objects_do_not_merge()
    {
        var merged = Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a = 42")).WithFallback(Hocon.Parse("a { y = 2 }"));
        Assert.Equal(Hocon.Parse("a { x = 1 }").Root, merged.Root);
    }

    [Fact]
    public void Adjacent_objects_merge_past_a_later_scalar()
    {
        var merged = Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a { y = 2 }")).WithFallback(Hocon.Parse("a = 42"));
        Assert.Equal(Hocon.Parse("a { x = 1, y = 2 }").Root, merged.Root);
    }

    [Fact]
    public void Merging_leaves_both_inputs_unchanged()
    {
        var app = Hocon.Parse("a { x = 1 }");
        var reference = Hocon.Parse("a { y = 2 }");
        _ = app.WithFallback(reference);
        Assert.Equal(Hocon.Parse("a { x = 1 }").Root, app.Root);
        Assert.Equal(Hocon.Parse("a { y = 2 }").Root, reference.Root);
    }

    [Fact]
    public void Substitutions_in_the_fallback_see_the_application_values()
    {
        var reference = Hocon.Unresolved("agents { port = 1, url = \"http://host:\"${agents.port} }");
        var app = Hocon.Unresolved("agents.port = 9110");
        var config = app.WithFallback(reference).Resolve(new HoconResolveOptions { UseEnvironmentVariables = false });
        Assert.Equal("http://host:9110", config.GetString("agents.url"));
    }

    [Fact]
    public void Application_self_reference_sees_the_fallback_value()
    {
        var reference = Hocon.Unresolved("path = [/usr/bin]");
        var app = Hocon.Unresolved("path = ${path} [/opt/bin]");
        var config = app.WithFallback(reference).Resolve(new HoconResolveOptions { UseEnvironmentVariables = false });
        Assert.Equal(["/usr/bin", "/opt/bin"], config.GetStringList("path"));
    }

    [Fact]
    public void Empty_config_is_a_neutral_fallback()
    {
        var config = Hocon.Parse("a = 1");
        Assert.Same(config, config.WithFallback(Config.Empty));
    }
}
