using Agents.Hocon;

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
            RedeliveryBurstLimit = ReadInt(config, Delivery + ".redelivery-burst-limit",
                "the most deliveries sent again per redelivery tick", $"{Delivery}.redelivery-burst-limit = 10000 (the default)"),
            WarnAfterNumberOfUnconfirmedAttempts = ReadInt(config, Delivery + ".warn-after-number-of-unconfirmed-attempts",
                "the attempts after which the actor is warned", $"{Delivery}.warn-after-number-of-unconfirmed-attempts = 5 (the default)"),
            MaxUnconfirmedMessages = ReadInt(config, Delivery + ".max-unconfirmed-messages",
                "the most deliveries waiting for confirmation", $"{Delivery}.max-unconfirmed-messages = 100000 (the default)"),
        },
    };

    private static int ReadInt(Config config, string path, string meaning, string fix)
    {
        var value = config.GetValue(path);
        int result;
        try
        {
            result = config.GetInt(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, $"it must be a whole number of at least 1 ({meaning})", fix, e);
        }
        if (result < 1)
        {
            throw Invalid(value, path, $"it must be at least 1 ({meaning})", fix);
        }
        return result;
    }

    private static TimeSpan ReadDuration(Config config, string path, bool allowInfinite, string meaning, string fix)
    {
        var value = config.GetValue(path);
        if (allowInfinite && value is HoconString { Value: "infinite" or "inf" })
        {
            return Timeout.InfiniteTimeSpan;
        }
        var requirement = $"it must be a positive duration such as 5s or 500ms{(allowInfinite ? ", or infinite" : "")} ({meaning})";
        TimeSpan result;
        try
        {
            result = config.GetDuration(path);
        }
        catch (HoconWrongTypeException e)
        {
            throw Invalid(value, path, requirement, fix, e);
        }
        if (result <= TimeSpan.Zero)
        {
            throw Invalid(value, path, requirement, fix);
        }
        return result;
    }

    private static HoconException Invalid(HoconValue value, string path, string requirement, string fix, Exception? inner = null) =>
        new(value.Origin, $"{path} is {Describe(value)}; {requirement}. Fix: {fix}", inner);

    private static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"\"{(s.Value.Length > 60 ? s.Value[..60] + "..." : s.Value)}\"",
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        HoconNull => "null",
        HoconObject => "an object",
        HoconArray => "an array",
        _ => value.ToHocon(),
    };
}
