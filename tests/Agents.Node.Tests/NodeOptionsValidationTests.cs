using Agents.Node.Configuration;
using Microsoft.Extensions.Options;

namespace Agents.Node.Tests;

public sealed class NodeOptionsValidationTests
{
    private static ValidateOptionsResult Validate(NodeOptions options) => new NodeOptionsValidator().Validate(null, options);

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validate(new NodeOptions()).Succeeded);
    }

    [Fact]
    public void A_non_loopback_host_without_a_token_is_refused_with_the_fix()
    {
        var result = Validate(new NodeOptions { Management = new ManagementOptions { Host = "0.0.0.0" } });

        Assert.True(result.Failed);
        Assert.Contains("agents.node.management.host is '0.0.0.0'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("AGENTS_TOKEN", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_host_with_a_token_is_accepted()
    {
        Assert.True(Validate(new NodeOptions { Management = new ManagementOptions { Host = "0.0.0.0", Token = "s3cret" } }).Succeeded);
    }

    [Fact]
    public void An_invalid_node_name_is_refused_naming_the_setting_and_value()
    {
        var result = Validate(new NodeOptions { Name = "my node" });

        Assert.Contains("agents.node.name is 'my node'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_out_of_range_is_refused()
    {
        var result = Validate(new NodeOptions { Management = new ManagementOptions { Port = 70000 } });

        Assert.Contains("agents.node.management.port is 70000", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_of_the_wrong_type_is_an_error_naming_the_setting_and_the_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestNode.Build(new Dictionary<string, string>(), "--port", "abc"));

        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
        Assert.Contains("agents:node:Management:Port", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_node_refuses_to_start_on_a_non_loopback_address_without_a_token()
    {
        await using var app = TestNode.Build(new Dictionary<string, string>(), "--host", "0.0.0.0");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("not a loopback address", error.Message, StringComparison.Ordinal);
    }
}
