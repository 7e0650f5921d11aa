using Agents.Node.Story;

namespace Agents.Node.Tests.Story;

public sealed class StoryFieldsTests
{
    [Theory]
    [InlineData(64, "64")]
    [InlineData(-3, "-3")]
    [InlineData(0.28712, "0.287")]
    [InlineData(0.0031234, "0.00312")]
    [InlineData(1.23456, "1.23")]
    [InlineData(84000.5, "8.4e+4")]
    [InlineData(0.00001234, "1.23e-5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "infinity")]
    public void Numbers_are_written_with_three_significant_digits(double value, string text) =>
        Assert.Equal(text, StoryFields.Format(value));

    [Theory]
    [InlineData(0.9123, "91.2%")]
    [InlineData(1, "100%")]
    [InlineData(91.23, "91.2%")]
    public void An_accuracy_is_a_percentage_whether_given_as_a_fraction_or_not(double value, string text) =>
        Assert.Equal(text, StoryFields.Percent(value));
}
