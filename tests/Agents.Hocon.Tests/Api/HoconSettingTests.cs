namespace Agents.Hocon.Tests.Api;

public sealed class HoconSettingTests
{
    private static Config Parse(string text) => Config.Parse(text, new HoconParseOptions { Origin = "app.conf" });

    [Fact]
    public void A_number_below_the_minimum_names_the_value_the_rule_and_the_fix_at_its_position()
    {
        var config = Parse("lib {\n  workers = 0\n}");

        var error = Assert.Throws<HoconException>(() =>
            HoconSetting.ReadInt(config, "lib.workers", 1, "threads that do the work", "lib.workers = 4"));

        Assert.Equal(("app.conf", 2, 13), (error.File, error.Line, error.Column));
        Assert.Equal("lib.workers is 0; it must be at least 1 (threads that do the work). Fix: lib.workers = 4", error.Reason);
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_quoted_in_the_error()
    {
        var config = Parse("lib.workers = many");

        var error = Assert.Throws<HoconException>(() => HoconSetting.ReadInt(config, "lib.workers", 1, "threads", "lib.workers = 4"));

        Assert.StartsWith("lib.workers is \"many\"; it must be a whole number of at least 1", error.Reason);
    }

    [Fact]
    public void Infinite_is_a_duration_only_where_it_is_allowed()
    {
        var config = Parse("a = infinite\nb = infinite");

        Assert.Equal(Timeout.InfiniteTimeSpan, HoconSetting.ReadDuration(config, "a", allowInfinite: true, "wait", "a = 5s"));
        var error = Assert.Throws<HoconException>(() => HoconSetting.ReadDuration(config, "b", allowInfinite: false, "wait", "b = 5s"));
        Assert.Contains("it must be a positive duration such as 5s or 500ms (wait)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_switches_an_optional_duration_off_and_a_zero_duration_is_refused()
    {
        var config = Parse("idle = off\nzero = 0s\nset = 2 minutes");

        Assert.Null(HoconSetting.ReadOptionalDuration(config, "idle", allowOff: true, "idle time", "idle = off"));
        Assert.Equal(TimeSpan.FromMinutes(2), HoconSetting.ReadOptionalDuration(config, "set", allowOff: true, "idle time", "set = off"));
        var error = Assert.Throws<HoconException>(() => HoconSetting.ReadOptionalDuration(config, "zero", allowOff: true, "idle time", "zero = off"));
        Assert.Contains(", or off (idle time)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_ignores_case_and_lists_the_names_when_none_matches()
    {
        var config = Parse("kind = BOUNDED\nother = huge");
        (string, int)[] choices = [("unbounded", 0), ("bounded", 1)];

        Assert.Equal(1, HoconSetting.ReadChoice(config, "kind", choices));
        var error = Assert.Throws<HoconException>(() => HoconSetting.ReadChoice(config, "other", choices));
        Assert.Equal("other is \"huge\"; it must be unbounded or bounded. Fix: other = unbounded", error.Reason);
    }

    [Fact]
    public void A_switch_accepts_on_and_refuses_a_word()
    {
        var config = Parse("a = on\nb = sometimes");

        Assert.True(HoconSetting.ReadBoolean(config, "a"));
        Assert.Throws<HoconException>(() => HoconSetting.ReadBoolean(config, "b"));
    }
}
