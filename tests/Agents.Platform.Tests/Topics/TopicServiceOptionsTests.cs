using Agents.Hocon;
using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicServiceOptionsTests
{
    [Fact]
    public void The_defaults_come_from_the_reference_configuration()
    {
        var options = TopicServiceOptions.FromConfig(Config.Empty);

        Assert.Equal(new TopicServiceOptions(), options);
    }

    [Fact]
    public void Settings_are_read_from_agents_topics()
    {
        var options = TopicServiceOptions.FromConfig(Config.Parse("""
            agents.topics {
              durable { max-in-flight = 5, redelivery-interval = 2 minutes, offset-store-interval = 250ms, offset-store-batch = 7 }
              read-retry { min-backoff = 1s, max-backoff = 10s }
            }
            """));

        Assert.Equal(
            new TopicServiceOptions
            {
                MaxInFlight = 5, RedeliveryInterval = TimeSpan.FromMinutes(2), OffsetStoreInterval = TimeSpan.FromMilliseconds(250),
                OffsetStoreBatch = 7, ReadRetryMinBackoff = TimeSpan.FromSeconds(1), ReadRetryMaxBackoff = TimeSpan.FromSeconds(10),
            },
            options);
    }

    [Fact]
    public void A_bad_value_names_the_setting_and_the_fix()
    {
        var error = Assert.Throws<HoconException>(() => TopicServiceOptions.FromConfig(Config.Parse("agents.topics.durable.max-in-flight = 0")));

        Assert.Contains("agents.topics.durable.max-in-flight", error.Message);
        Assert.Contains("Fix:", error.Message);
    }

    [Fact]
    public void A_misspelt_setting_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => TopicServiceOptions.FromConfig(Config.Parse("agents.topics.durable.max-inflight = 3")));

        Assert.Contains("max-inflight is not a setting", error.Message);
    }

    [Fact]
    public void A_max_backoff_below_the_min_backoff_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => TopicServiceOptions.FromConfig(Config.Parse(
            "agents.topics.read-retry { min-backoff = 10s, max-backoff = 1s }")));

        Assert.Contains("agents.topics.read-retry.max-backoff", error.Message);
    }

    [Fact]
    public void Values_set_in_code_are_checked()
    {
        var error = Assert.Throws<ArgumentException>(() => new TopicServiceOptions { MaxInFlight = 0 }.Validate());

        Assert.Contains("MaxInFlight", error.Message);
    }
}
