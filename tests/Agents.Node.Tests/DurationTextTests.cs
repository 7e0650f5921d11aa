using Agents.Node.Management;

namespace Agents.Node.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(10_000, "10s")]
    [InlineData(90_000, "90s")]
    [InlineData(120_000, "2m")]
    [InlineData(3_600_000, "1h")]
    [InlineData(172_800_000, "2d")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0ms")]
    public void A_duration_is_written_in_the_largest_unit_that_holds_it_whole(long milliseconds, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("10s")]
    [InlineData("10 seconds")]
    [InlineData("PT10S")]
    [InlineData("00:00:10")]
    [InlineData("10000ms")]
    public void Each_accepted_form_reads_as_the_same_duration(string text)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromSeconds(10), duration);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("PTXS")]
    [InlineData("10:xx")]
    public void Text_that_is_no_duration_is_refused_with_the_forms_that_are(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.Contains("PT10S", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_duration_reads_back_as_itself()
    {
        var duration = TimeSpan.FromMilliseconds(2_250);

        Assert.True(DurationText.TryParse(DurationText.Format(duration), out var read, out _));
        Assert.Equal(duration, read);
    }
}
