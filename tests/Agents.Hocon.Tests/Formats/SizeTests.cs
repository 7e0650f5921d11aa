namespace Agents.Hocon.Tests.Formats;

public sealed class SizeTests
{
    [Theory]
    [InlineData("10", 10)]
    [InlineData("10B", 10)]
    [InlineData("10b", 10)]
    [InlineData("10 bytes", 10)]
    [InlineData("1 byte", 1)]
    [InlineData("1kB", 1_000)]
    [InlineData("1 kilobyte", 1_000)]
    [InlineData("2MB", 2_000_000)]
    [InlineData("3 gigabytes", 3_000_000_000)]
    [InlineData("1TB", 1_000_000_000_000)]
    [InlineData("1EB", 1_000_000_000_000_000_000)]
    public void Decimal_units_are_powers_of_ten(string text, long bytes) => Assert.Equal(bytes, HoconSize.Parse(text));

    [Theory]
    [InlineData("1K", 1024)]
    [InlineData("1k", 1024)]
    [InlineData("1Ki", 1024)]
    [InlineData("1KiB", 1024)]
    [InlineData("1 kibibyte", 1024)]
    [InlineData("2 kibibytes", 2048)]
    [InlineData("1m", 1_048_576)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("1g", 1_073_741_824)]
    [InlineData("1 gibibyte", 1_073_741_824)]
    [InlineData("1T", 1_099_511_627_776)]
    [InlineData("1.5K", 1536)]
    [InlineData("7e", 8_070_450_532_247_928_832)]
    public void Binary_units_are_powers_of_two_and_single_letters_take_any_case(string text, long bytes) => Assert.Equal(bytes, HoconSize.Parse(text));

    [Theory]
    [InlineData("1 KB")]
    [InlineData("1 kb")]
    [InlineData("1 parsec")]
    [InlineData("16EB")]
    [InlineData("1ZB")]
    public void Unknown_units_and_overflow_are_rejected(string text) => Assert.False(HoconSize.TryParse(text, out _));

    [Fact]
    public void Number_value_is_bytes() => Assert.Equal(4096, Hocon.Parse("s = 4096").GetBytes("s"));

    [Fact]
    public void Size_getter_reads_strings() => Assert.Equal(512 * 1024, Hocon.Parse("s = 512K").GetBytes("s"));

    [Fact]
    public void Bad_size_is_a_wrong_type_error() => Assert.Throws<HoconWrongTypeException>(() => Hocon.Parse("s = lots").GetBytes("s"));
}
