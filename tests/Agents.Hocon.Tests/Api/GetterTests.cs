namespace Agents.Hocon.Tests.Api;

public sealed class GetterTests
{
    private static readonly Config Sample = Hocon.Parse("""
        agents {
          actor.throughput = 30
          name = node-1
          ratio = 0.75
          big = 9000000000
          enabled = yes
          timeout = 5s
          buffer = 64K
          nothing = null
          list = [1, 2, 3]
          words = [a, b]
          flags = [true, off]
          nodes = [{ host = a }, { host = b }]
          "dotted.key" = dot
        }
        """);

    [Fact]
    public void Typed_getters_read_their_types()
    {
        Assert.Equal(30, Sample.GetInt("agents.actor.throughput"));
        Assert.Equal(9_000_000_000L, Sample.GetLong("agents.big"));
        Assert.Equal(0.75, Sample.GetDouble("agents.ratio"));
        Assert.Equal(0.75m, Sample.GetDecimal("agents.ratio"));
        Assert.Equal("node-1", Sample.GetString("agents.name"));
        Assert.True(Sample.GetBoolean("agents.enabled"));
        Assert.Equal(TimeSpan.FromSeconds(5), Sample.GetDuration("agents.timeout"));
        Assert.Equal(65_536, Sample.GetBytes("agents.buffer"));
    }

    [Fact]
    public void List_getters_read_each_element()
    {
        Assert.Equal([1, 2, 3], Sample.GetIntList("agents.list"));
        Assert.Equal([1L, 2L, 3L], Sample.GetLongList("agents.list"));
        Assert.Equal([1.0, 2.0, 3.0], Sample.GetDoubleList("agents.list"));
        Assert.Equal(["a", "b"], Sample.GetStringList("agents.words"));
        Assert.Equal([true, false], Sample.GetBooleanList("agents.flags"));
        Assert.Equal(["a", "b"], Sample.GetConfigList("agents.nodes").Select(c => c.GetString("host")));
    }

    [Fact]
    public void Quoted_path_segment_reads_a_dotted_key() => Assert.Equal("dot", Sample.GetString("agents.\"dotted.key\""));

    [Fact]
    public void Missing_path_throws_naming_the_path()
    {
        var error = Assert.Throws<HoconMissingPathException>(() => Sample.GetInt("agents.actor.missing"));
        Assert.Equal("agents.actor.missing", error.Path);
        Assert.Contains("agents.actor.missing", error.Message);
        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public void Defaults_are_returned_for_missing_paths()
    {
        Assert.Equal(7, Sample.GetInt("agents.absent", 7));
        Assert.Equal("d", Sample.GetString("absent", "d"));
        Assert.Equal(TimeSpan.FromSeconds(1), Sample.GetDuration("absent", TimeSpan.FromSeconds(1)));
        Assert.Equal(3L, Sample.GetBytes("absent", 3L));
        Assert.True(Sample.GetBoolean("absent", true));
        Assert.Equal(1.5, Sample.GetDouble("absent", 1.5));
        Assert.Equal(2L, Sample.GetLong("absent", 2L));
        Assert.Equal(2.5m, Sample.GetDecimal("absent", 2.5m));
    }

    [Fact]
    public void Defaults_are_returned_for_null_values() => Assert.Equal(7, Sample.GetInt("agents.nothing", 7));

    [Fact]
    public void Default_overload_still_checks_the_type() => Assert.Throws<HoconWrongTypeException>(() => Sample.GetInt("agents.name", 7));

    [Fact]
    public void Wrong_type_names_path_expected_actual_and_origin()
    {
        var error = Assert.Throws<HoconWrongTypeException>(() => Sample.GetInt("agents.name"));
        Assert.Equal("agents.name", error.Path);
        Assert.Contains("whole number", error.Expected);
        Assert.Contains("node-1", error.Actual);
        Assert.Contains("<string>:3:", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Path_through_a_scalar_is_a_wrong_type_error() => Assert.Throws<HoconWrongTypeException>(() => Sample.GetInt("agents.name.x"));

    [Fact]
    public void Has_path_is_false_for_null_and_missing_paths()
    {
        Assert.True(Sample.HasPath("agents.name"));
        Assert.False(Sample.HasPath("agents.nothing"));
        Assert.True(Sample.HasPathOrNull("agents.nothing"));
        Assert.False(Sample.HasPath("agents.absent"));
    }

    [Fact]
    public void Is_null_tells_null_from_set() 
    {
        Assert.True(Sample.IsNull("agents.nothing"));
        Assert.False(Sample.IsNull("agents.name"));
        Assert.Throws<HoconMissingPathException>(() => Sample.IsNull("agents.absent"));
    }

    [Fact]
    public void Get_config_returns_the_sub_tree() => Assert.Equal(30, Sample.GetConfig("agents.actor").GetInt("throughput"));

    [Fact]
    public void Get_config_of_a_missing_path_is_empty() => Assert.True(Sample.GetConfig("nowhere.at.all").IsEmpty);

    [Fact]
    public void Get_value_returns_the_value_with_its_origin()
    {
        var value = Sample.GetValue("agents.timeout");
        Assert.Equal(new HoconOrigin("<string>", 7, 13), value.Origin);
    }

    [Fact]
    public void As_enumerable_lists_leaf_paths_in_order()
    {
        var leaves = Hocon.Parse("a { b = 1, \"c.d\" = 2 }, e = [1], f {}").AsEnumerable().Select(kv => kv.Key).ToList();
        Assert.Equal(["a.b", "a.\"c.d\"", "e"], leaves);
    }
}
