using Agents.Hocon;
using Agents.Node.Story;

namespace Agents.Node.Tests.Story;

public sealed class StorySettingsTests
{
    [Theory]
    [InlineData("agents.node.story = on", true)]
    [InlineData("agents.node.story = off", false)]
    [InlineData("agents.node.story = true", true)]
    [InlineData("agents.node.name = x", false)]
    public void The_story_is_told_only_when_switched_on(string hocon, bool enabled) =>
        Assert.Equal(enabled, StorySettings.IsEnabled(Config.Parse(hocon)));

    [Fact]
    public void A_value_that_is_not_a_switch_is_an_error_naming_the_setting()
    {
        var error = Assert.Throws<HoconException>(() => StorySettings.IsEnabled(Config.Parse("agents.node.story = loud")));

        Assert.Contains("agents.node.story", error.Message, StringComparison.Ordinal);
    }
}
