using Agents.Hocon;
using static Agents.Hocon.HoconSetting;

namespace Agents.Persistence.Actors;

/// <summary>
/// Reads the <c>agents.persistence</c> section of a configuration (already merged over the library's
/// <c>reference.conf</c> and resolved) onto <see cref="PersistenceOptions"/>. Every bad value is a
/// <see cref="HoconException"/> located at the value, naming its path, what it is, what it must be and how to fix it.
/// </summary>
internal static class PersistenceSettingsBinder
{
    private const string Section = "agents.persistence";
    private const string Delivery = Section + ".at-least-once-delivery";

    public static PersistenceOptions Bind(Config config) => new()
    {
        RecoveryTimeout = ReadDuration(config, Section + ".recovery-timeout", allowInfinite: true,
            "how long recovery may go without progress", "agents.persistence.recovery-timeout = 30s (the default) or infinite"),
        AtLeastOnceDelivery = new AtLeastOnceDeliveryOptions
        {
            RedeliverInterval = ReadDuration(config, Delivery + ".redeliver-interval", allowInfinite: false,
                "how long a delivery waits for its confirmation before it is sent again", $"{Delivery}.redeliver-interval = 5s (the default)"),
            RedeliveryBurstLimit = ReadInt(config, Delivery + ".redelivery-burst-limit", 1,
                "the most deliveries sent again per redelivery tick", $"{Delivery}.redelivery-burst-limit = 10000 (the default)"),
            WarnAfterNumberOfUnconfirmedAttempts = ReadInt(config, Delivery + ".warn-after-number-of-unconfirmed-attempts", 1,
                "the attempts after which the actor is warned", $"{Delivery}.warn-after-number-of-unconfirmed-attempts = 5 (the default)"),
            MaxUnconfirmedMessages = ReadInt(config, Delivery + ".max-unconfirmed-messages", 1,
                "the most deliveries waiting for confirmation", $"{Delivery}.max-unconfirmed-messages = 100000 (the default)"),
        },
    };




}
