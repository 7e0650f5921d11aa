using Agents.Hocon;
using Agents.Persistence.Actors;

namespace Agents.Persistence.Tests.Actors;

public sealed class PersistenceOptionsTests
{
    private static Config Reference() =>
        Config.ParseResource(typeof(PersistenceOptions).Assembly, "reference.conf").GetConfig("agents.persistence");

    [Fact]
    public void The_defaults_are_those_of_reference_conf()
    {
        var reference = Reference();
        var defaults = PersistenceOptions.Default;

        Assert.Equal(reference.GetDuration("recovery-timeout"), defaults.RecoveryTimeout);
        Assert.Equal(reference.GetDuration("at-least-once-delivery.redeliver-interval"), defaults.AtLeastOnceDelivery.RedeliverInterval);
        Assert.Equal(reference.GetInt("at-least-once-delivery.redelivery-burst-limit"), defaults.AtLeastOnceDelivery.RedeliveryBurstLimit);
        Assert.Equal(
            reference.GetInt("at-least-once-delivery.warn-after-number-of-unconfirmed-attempts"),
            defaults.AtLeastOnceDelivery.WarnAfterNumberOfUnconfirmedAttempts);
        Assert.Equal(reference.GetInt("at-least-once-delivery.max-unconfirmed-messages"), defaults.AtLeastOnceDelivery.MaxUnconfirmedMessages);
    }

    [Fact]
    public void A_non_positive_recovery_timeout_is_refused_naming_the_setting()
    {
        var options = new PersistenceOptions { RecoveryTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Contains("agents.persistence.recovery-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_burst_limit_is_refused_naming_the_setting()
    {
        var options = new PersistenceOptions { AtLeastOnceDelivery = new AtLeastOnceDeliveryOptions { RedeliveryBurstLimit = 0 } };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Contains("redelivery-burst-limit", error.Message, StringComparison.Ordinal);
    }
}
