namespace Agents.Hocon.Tests.Api;

public sealed class ErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Error_message_starts_with_file_line_and_column()
    {
        var file = _folder.Write("node.conf", "a {\n  b = 1\n");
        var error = Assert.ThrowsAny<HoconException>(() => Config.ParseFile(file, Hocon.NoEnvironment));
        Assert.StartsWith($"{file}:3:1: expected '}}' to close the object opened at 1:3, found end of input", error.Message);
        Assert.Equal(file, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Text_errors_use_the_origin_option()
    {
        var error = Assert.ThrowsAny<HoconException>(() => Config.Parse("a = [1,", new HoconParseOptions { Origin = "inline.conf" }));
        Assert.StartsWith("inline.conf:1:8:", error.Message);
    }

    [Fact]
    public void Errors_say_what_was_found() => Assert.Contains("found ']'", Hocon.Error("a = ]").Message);

    [Fact]
    public void Error_column_points_at_the_offending_character()
    {
        var error = Hocon.Error("a = 1\nb = foo@bar");
        Assert.Equal(2, error.Line);
        Assert.Equal(8, error.Column);
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error() =>
        Assert.Throws<FileNotFoundException>(() => Config.ParseFile(Path.Combine(_folder.Path, "absent.conf")));

    [Fact]
    public void Error_message_is_one_line() => Assert.DoesNotContain('\n', Hocon.Error("a = \"x\ny\"").Message);
}
