namespace Agents.Hocon.Tests.Formats;

public sealed class DurationTests
{
    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("5 seconds", 5_000)]
    [InlineData("1 second", 1_000)]
    [InlineData("100ms", 100)]
    [InlineData("100 millis", 100)]
    [InlineData("100 milliseconds", 100)]
    [InlineData("2m", 120_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1 hour", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("2 days", 172_800_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("  3 s  ", 3_000)]
    public void Duration_strings_parse_with_their_unit(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), HoconDuration.Parse(text));

    [Theory]
    [InlineData("1500ns", 15)]
    [InlineData("3 nanoseconds", 0)]
    [InlineData("7us", 70)]
    [InlineData("7 microseconds", 70)]
    public void Sub_millisecond_units_convert_to_ticks(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconDuration.Parse(text));

    [Theory]
    [InlineData("5S")]
    [InlineData("5 Seconds")]
    [InlineData("5 parsecs")]
    [InlineData("s")]
    [InlineData("")]
    public void Units_are_lowercase_and_known(string text) => Assert.False(HoconDuration.TryParse(text, out _));

    [Fact]
    public void Number_value_is_milliseconds() => Assert.Equal(TimeSpan.FromMilliseconds(1500), Hocon.Parse("t = 1500").GetDuration("t"));

    [Fact]
    public void Duration_getter_reads_strings() => Assert.Equal(TimeSpan.FromSeconds(30), Hocon.Parse("t = 30 s").GetDuration("t"));

    [Fact]
    public void Bad_duration_is_a_wrong_type_error_with_the_reason()
    {
        var error = Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("t = 5 parsecs").GetDuration("t"));
        Assert.Contains("parsecs", error.Message);
        Assert.Equal("a duration", error.Expected);
    }

    [Fact]
    public void Duration_list_reads_each_element() =>
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(5)], Hocon.Parse("l = [1s, 5]").GetDurationList("l"));

    [Theory]
    [InlineData("3", 0, 0, 3)]
    [InlineData("3d", 0, 0, 3)]
    [InlineData("2 weeks", 0, 0, 14)]
    [InlineData("1w", 0, 0, 7)]
    [InlineData("6mo", 0, 6, 0)]
    [InlineData("6m", 0, 6, 0)]
    [InlineData("2 months", 0, 2, 0)]
    [InlineData("1y", 1, 0, 0)]
    [InlineData("10 years", 10, 0, 0)]
    public void Period_units_are_days_weeks_months_and_years(string text, int years, int months, int days) =>
        Assert.Equal(new HoconPeriod(years, months, days), Hocon.Parse($"p = \"{text}\"").GetPeriod("p"));
}
