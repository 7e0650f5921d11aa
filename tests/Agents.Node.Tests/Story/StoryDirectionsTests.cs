using Agents.Node.Story;

namespace Agents.Node.Tests.Story;

public sealed class StoryDirectionsTests
{
    [Fact]
    public void The_directions_name_the_address_the_server_bound() =>
        Assert.Contains(StoryDirections.Lines(["http://127.0.0.1:9110"]),
            line => line.Contains("http://127.0.0.1:9110/api/agents", StringComparison.Ordinal));

    [Fact]
    public void At_the_default_address_the_commands_need_no_node_option()
    {
        var lines = StoryDirections.Lines(["http://127.0.0.1:9110"]);

        Assert.Contains(lines, line => line.EndsWith("agents topic tail 'training.#'", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("agents agent list", StringComparison.Ordinal));
    }

    [Fact]
    public void At_another_address_the_commands_name_the_node() =>
        Assert.Contains(StoryDirections.Lines(["http://127.0.0.1:43111"]),
            line => line.EndsWith("agents --node http://127.0.0.1:43111 topic tail 'training.#'", StringComparison.Ordinal));

    [Fact]
    public void Without_an_address_the_commands_are_still_given() =>
        Assert.Contains(StoryDirections.Lines([]), line => line.EndsWith("agents agent list", StringComparison.Ordinal));
}
