namespace Agents.Hocon.Tests.Includes;

public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Dir(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public void Include_is_relative_to_the_including_file_not_the_working_directory()
    {
        _folder.Write("conf/sub/x.conf", "x = 1");
        var main = _folder.Write("conf/main.conf", "include \"sub/x.conf\"");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("x"));
    }

    [Fact]
    public void Nested_include_is_relative_to_the_file_that_contains_it()
    {
        _folder.Write("conf/a/b/leaf.conf", "leaf = 1");
        _folder.Write("conf/a/middle.conf", "include \"b/leaf.conf\"");
        var main = _folder.Write("conf/main.conf", "include \"a/middle.conf\"");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("leaf"));
    }

    [Fact]
    public void Included_keys_merge_where_the_include_stands()
    {
        _folder.Write("inc.conf", "x = 1, y { z = 2 }");
        var main = _folder.Write("main.conf", "outer { include \"inc.conf\" }");
        var config = Config.ParseFile(main, Hocon.NoEnvironment);
        Assert.Equal(1, config.GetInt("outer.x"));
        Assert.Equal(2, config.GetInt("outer.y.z"));
    }

    [Fact]
    public void Included_values_override_earlier_and_are_overridden_by_later_fields()
    {
        _folder.Write("inc.conf", "a = included, b = included, o { x = 1 }");
        var main = _folder.Write("main.conf", "a = before, o { y = 2 }\ninclude \"inc.conf\"\nb = after");
        var config = Config.ParseFile(main, Hocon.NoEnvironment);
        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
        Assert.Equal(1, config.GetInt("o.x"));
        Assert.Equal(2, config.GetInt("o.y"));
    }

    [Fact]
    public void Absolute_include_name_stays_absolute()
    {
        var target = _folder.Write("elsewhere/abs.conf", "abs = 1");
        var main = _folder.Write("conf/deep/main.conf", $"include \"{target.Replace("\\", "\\\\")}\"");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("abs"));
    }

    [Fact]
    public void Missing_include_is_ignored() =>
        Assert.Equal(1, Config.ParseFile(_folder.Write("main.conf", "include \"absent.conf\"\na = 1"), Hocon.NoEnvironment).GetInt("a"));

    [Fact]
    public void Missing_required_include_is_an_error_naming_it()
    {
        var main = _folder.Write("main.conf", "\ninclude required(\"absent.conf\")");
        var error = Assert.ThrowsAny<HoconException>(() => Config.ParseFile(main, Hocon.NoEnvironment));
        Assert.Contains("absent.conf", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Required_include_that_exists_loads()
    {
        _folder.Write("there.conf", "a = 1");
        Assert.Equal(1, Config.ParseFile(_folder.Write("main.conf", "include required(\"there.conf\")"), Hocon.NoEnvironment).GetInt("a"));
    }

    [Fact]
    public void File_include_uses_the_path_as_given()
    {
        var target = _folder.Write("abs/target.conf", "t = 1");
        var main = _folder.Write("other/main.conf", $"include file(\"{target.Replace("\\", "\\\\")}\")");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("t"));
    }

    [Fact]
    public void File_url_include_loads_the_file()
    {
        var target = _folder.Write("u/target.conf", "u = 1");
        var main = _folder.Write("main.conf", $"include url(\"{new Uri(target).AbsoluteUri}\")");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("u"));
    }

    [Fact]
    public void Non_file_url_is_ignored_when_optional() =>
        Assert.True(Config.ParseFile(_folder.Write("main.conf", "include url(\"http://example.com/x.conf\")"), Hocon.NoEnvironment).IsEmpty);

    [Fact]
    public void Non_file_url_is_an_error_when_required()
    {
        var main = _folder.Write("main.conf", "include required(url(\"http://example.com/x.conf\"))");
        Assert.Contains("only file: URLs", Assert.ThrowsAny<HoconException>(() => Config.ParseFile(main, Hocon.NoEnvironment)).Message);
    }

    [Fact]
    public void Whitespace_and_newlines_are_allowed_around_the_include_argument()
    {
        _folder.Write("ws.conf", "w = 1");
        var main = _folder.Write("main.conf", "include\n  required(\n  file(  \"" + Dir("ws.conf").Replace("\\", "\\\\") + "\" )\n)");
        Assert.Equal(1, Config.ParseFile(main, Hocon.NoEnvironment).GetInt("w"));
    }

    [Theory]
    [InlineData("include x.conf")]
    [InlineData("include \"a\" \"b\"")]
    [InlineData("include file(x.conf)")]
    public void Include_argument_must_be_one_quoted_string(string text) =>
        Assert.ThrowsAny<HoconException>(() => Config.ParseFile(_folder.Write("bad.conf", text), Hocon.NoEnvironment));

    [Fact]
    public void Name_without_extension_loads_properties_json_and_conf_with_conf_winning()
    {
        _folder.Write("multi.properties", "p = fromProperties\nshared = properties");
        _folder.Write("multi.json", "{ \"j\": \"fromJson\", \"shared\": \"json\" }");
        _folder.Write("multi.conf", "c = fromConf, shared = conf");
        var config = Config.ParseFile(_folder.Write("main.conf", "include \"multi\""), Hocon.NoEnvironment);
        Assert.Equal("fromProperties", config.GetString("p"));
        Assert.Equal("fromJson", config.GetString("j"));
        Assert.Equal("fromConf", config.GetString("c"));
        Assert.Equal("conf", config.GetString("shared"));
    }

    [Fact]
    public void Include_cycle_is_an_error_naming_the_files()
    {
        _folder.Write("a.conf", "include \"b.conf\"");
        _folder.Write("b.conf", "include \"a.conf\"");
        var error = Assert.ThrowsAny<HoconException>(() => Config.ParseFile(Dir("a.conf"), Hocon.NoEnvironment));
        Assert.Contains("include cycle", error.Message);
        Assert.Contains("b.conf", error.Message);
    }

    [Fact]
    public void Self_include_is_a_cycle() =>
        Assert.Contains("include cycle", Assert.ThrowsAny<HoconException>(() => Config.ParseFile(_folder.Write("self.conf", "include \"self.conf\""), Hocon.NoEnvironment)).Message);

    [Fact]
    public void Included_array_root_is_an_error()
    {
        _folder.Write("list.json", "[1, 2]");
        Assert.Contains("must contain an object", Assert.ThrowsAny<HoconException>(() => Config.ParseFile(_folder.Write("main.conf", "include \"list.json\""), Hocon.NoEnvironment)).Message);
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        _folder.Write("broken.conf", "a {\n");
        var error = Assert.ThrowsAny<HoconException>(() => Config.ParseFile(_folder.Write("main.conf", "include \"broken.conf\""), Hocon.NoEnvironment));
        Assert.EndsWith("broken.conf", error.File);
    }

    [Fact]
    public void Substitution_in_an_included_file_is_rebased_onto_the_include_path()
    {
        _folder.Write("foo.conf", "x = 10, y = ${x}");
        var config = Config.ParseFile(_folder.Write("main.conf", "a { include \"foo.conf\" }\na { x = 42 }"), Hocon.NoEnvironment);
        Assert.Equal(42, config.GetInt("a.y"));
    }

    [Fact]
    public void Substitution_in_an_included_file_falls_back_to_the_root_path()
    {
        _folder.Write("foo.conf", "y = ${top}");
        var config = Config.ParseFile(_folder.Write("main.conf", "top = 7\na { include \"foo.conf\" }"), Hocon.NoEnvironment);
        Assert.Equal(7, config.GetInt("a.y"));
    }

    [Fact]
    public void Classpath_include_reads_an_embedded_resource()
    {
        var options = Hocon.NoEnvironment with { ResourceAssemblies = [typeof(IncludeTests).Assembly] };
        var config = Config.Parse("include classpath(\"embedded-reference.conf\")", options);
        Assert.Equal("from-resource", config.GetString("embedded.origin"));
    }

    [Fact]
    public void Parse_resource_reads_a_library_reference_conf() =>
        Assert.Equal("from-resource", Config.ParseResource(typeof(IncludeTests).Assembly, "embedded-reference.conf", Hocon.NoEnvironment).GetString("embedded.origin"));

    [Fact]
    public void Include_inside_a_resource_names_a_resource_next_to_it() =>
        Assert.Equal(1, Config.ParseResource(typeof(IncludeTests).Assembly, "embedded-reference.conf", Hocon.NoEnvironment).GetInt("embedded.sibling"));

    [Fact]
    public void Text_includes_read_from_the_base_directory()
    {
        _folder.Write("base/inc.conf", "b = 1");
        Assert.Equal(1, Config.Parse("include \"inc.conf\"", Hocon.NoEnvironment with { BaseDirectory = Dir("base") }).GetInt("b"));
    }

    [Fact]
    public void Custom_include_resolver_receives_the_request()
    {
        var resolver = new MemoryIncludeResolver(("m.conf", "m = 1"));
        var config = Config.Parse("include required(classpath(\"m.conf\"))", Hocon.NoEnvironment with { IncludeResolver = resolver });
        Assert.Equal(1, config.GetInt("m"));
        var request = Assert.Single(resolver.Requests);
        Assert.Equal(HoconIncludeKind.Classpath, request.Kind);
        Assert.True(request.Required);
    }
}
