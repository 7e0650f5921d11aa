namespace Agents.Hocon.Tests.Api;

public sealed class CoercionTests
{
    [Fact]
    public void Number_reads_as_string_as_written() => Assert.Equal("1e3", Hocon.Parse("n = 1e3").GetString("n"));

    [Fact]
    public void Boolean_reads_as_string() => Assert.Equal("true", Hocon.Parse("b = true").GetString("b"));

    [Fact]
    public void Numeric_string_reads_as_number()
    {
        var config = Hocon.Parse("s = \"42\", d = \"2.5\"");
        Assert.Equal(42, config.GetInt("s"));
        Assert.Equal(2.5, config.GetDouble("d"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Boolean_words_read_as_booleans(string word, bool expected) =>
        Assert.Equal(expected, Hocon.Parse($"b = \"{word}\"").GetBoolean("b"));

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("\"YES\"")]
    [InlineData("1")]
    public void Other_values_are_not_booleans(string value) =>
        Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("b = " + value).GetBoolean("b"));

    [Fact]
    public void Objects_and_arrays_do_not_convert_to_strings()
    {
        var config = Hocon.Parse("o { a = 1 }, l = [1]");
        Assert.Throws<HoconWrongTypeException>(() => config.GetString("o"));
        Assert.Throws<HoconWrongTypeException>(() => config.GetString("l"));
    }

    [Fact]
    public void Strings_do_not_convert_to_lists() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("s = \"a,b\"").GetStringList("s"));

    [Fact]
    public void Null_converts_to_nothing() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("n = null").GetString("n"));

    [Fact]
    public void Fraction_is_not_an_int() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("f = 1.5").GetInt("f"));

    [Fact]
    public void Whole_double_reads_as_an_int() => Assert.Equal(1000, Hocon.Parse("f = 1e3").GetInt("f"));

    [Fact]
    public void Out_of_range_int_is_an_error() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("f = 3000000000").GetInt("f"));

    [Fact]
    public void Numeric_key_object_converts_to_a_list_sorted_by_key_skipping_other_keys() =>
        Assert.Equal(["a", "b", "c"], Hocon.Parse("l { \"2\" = c, \"0\" = a, \"1\" = b, x = skipped }").GetStringList("l"));

    [Fact]
    public void Object_without_numeric_keys_is_not_a_list() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("l { x = 1 }").GetIntList("l"));

    [Fact]
    public void Numeric_key_object_concatenates_with_an_array() => Hocon.Same("o { \"0\" = b, \"1\" = c }, l = [a, b, c]", "o { \"0\" = b, \"1\" = c }, l = [a] ${o}");
}
