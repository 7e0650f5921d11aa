using Agents.Actors;
using Agents.Hocon;
using Agents.Persistence.Actors;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.Actors;

public sealed class PersistenceOptionsConfigTests
{
    [Fact]
    public void An_empty_configuration_gives_the_defaults()
    {
        var options = PersistenceOptions.FromConfig(Config.Empty);

        Assert.Equal(PersistenceOptions.Default, options);
    }

    [Fact]
    public void Settings_in_the_configuration_override_the_defaults()
    {
        var config = Config.Parse("""
            agents.persistence {
              recovery-timeout = 2m
              at-least-once-delivery { redeliver-interval = 250ms, redelivery-burst-limit = 7, warn-after-number-of-unconfirmed-attempts = 3, max-unconfirmed-messages = 42 }
            }
            """);

        var options = PersistenceOptions.FromConfig(config);

        Assert.Equal(
            new PersistenceOptions
            {
                RecoveryTimeout = TimeSpan.FromMinutes(2),
                AtLeastOnceDelivery = new AtLeastOnceDeliveryOptions
                {
                    RedeliverInterval = TimeSpan.FromMilliseconds(250),
                    RedeliveryBurstLimit = 7,
                    WarnAfterNumberOfUnconfirmedAttempts = 3,
                    MaxUnconfirmedMessages = 42,
                },
            },
            options);
    }

    [Fact]
    public void An_infinite_recovery_timeout_is_accepted()
    {
        var options = PersistenceOptions.FromConfig(Config.Parse("agents.persistence.recovery-timeout = infinite"));

        Assert.Equal(Timeout.InfiniteTimeSpan, options.RecoveryTimeout);
    }

    [Fact]
    public void A_non_positive_duration_is_refused_at_its_position_with_path_value_and_fix()
    {
        var config = Config.Parse("agents.persistence {\n  recovery-timeout = 0s\n}");

        var error = Assert.Throws<HoconException>(() => PersistenceOptions.FromConfig(config));

        Assert.Equal(2, error.Line);
        Assert.Contains("agents.persistence.recovery-timeout is \"0s\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: agents.persistence.recovery-timeout = 30s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_of_the_wrong_type_is_refused_naming_path_and_value()
    {
        var config = Config.Parse("agents.persistence.at-least-once-delivery.max-unconfirmed-messages = lots");

        var error = Assert.Throws<HoconException>(() => PersistenceOptions.FromConfig(config));

        Assert.Contains("max-unconfirmed-messages is \"lots\"; it must be a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_count_is_refused_with_the_fix()
    {
        var config = Config.Parse("agents.persistence.at-least-once-delivery.redelivery-burst-limit = 0");

        var error = Assert.Throws<HoconException>(() => PersistenceOptions.FromConfig(config));

        Assert.Contains("redelivery-burst-limit is 0; it must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: agents.persistence.at-least-once-delivery.redelivery-burst-limit = 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistence_added_without_options_reads_them_from_the_system_configuration()
    {
        await using var system = ActorSystem.Create(
            "configured", Config.Parse("agents.persistence.recovery-timeout = 45s"), new ManualTimeProvider());

        var persistence = system.AddInMemoryPersistence(PersistenceSpec.Serializer);

        Assert.Equal(TimeSpan.FromSeconds(45), persistence.Options.RecoveryTimeout);
    }

    [Fact]
    public async Task Options_given_explicitly_win_over_the_system_configuration()
    {
        await using var system = ActorSystem.Create(
            "explicit", Config.Parse("agents.persistence.recovery-timeout = 45s"), new ManualTimeProvider());

        var persistence = system.AddInMemoryPersistence(PersistenceSpec.Serializer, options: new PersistenceOptions { RecoveryTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(TimeSpan.FromSeconds(3), persistence.Options.RecoveryTimeout);
    }

    [Fact]
    public async Task A_bad_setting_in_the_system_configuration_is_refused_when_persistence_is_added()
    {
        await using var system = ActorSystem.Create(
            "badly-configured", Config.Parse("agents.persistence.at-least-once-delivery.redeliver-interval = -1s"), new ManualTimeProvider());

        var error = Assert.Throws<HoconException>(() => system.AddInMemoryPersistence(PersistenceSpec.Serializer));

        Assert.Contains("agents.persistence.at-least-once-delivery.redeliver-interval", error.Message, StringComparison.Ordinal);
    }
}
