using Agents.Hocon;
using static Agents.Hocon.HoconSetting;

namespace Agents.Platform.Topics;

/// <summary>
/// Reads the <c>agents.topics</c> section (already merged over the reference defaults) onto
/// <see cref="TopicServiceOptions"/>. Every bad value is a <see cref="HoconException"/> located at the value, naming
/// its path, what it is, what it must be and how to fix it.
/// </summary>
internal static class TopicServiceOptionsBinder
{
    private const string Section = "agents.topics";
    private const string Durable = Section + ".durable";
    private const string ReadRetry = Section + ".read-retry";

    private static readonly string[] SectionKeys = ["durable", "read-retry"];
    private static readonly string[] DurableKeys = ["max-in-flight", "redelivery-interval", "offset-store-interval", "offset-store-batch"];
    private static readonly string[] ReadRetryKeys = ["min-backoff", "max-backoff"];

    public static TopicServiceOptions Bind(Config config)
    {
        config = config.Resolve();
        CheckKeys(config, Section, SectionKeys, $"{Section} {{ durable {{ max-in-flight = 100 }} }}");
        CheckKeys(config, Durable, DurableKeys, $"{Durable} {{ max-in-flight = 100 }}");
        CheckKeys(config, ReadRetry, ReadRetryKeys, $"{ReadRetry} {{ min-backoff = 500ms, max-backoff = 30s }}");
        var minBackoff = ReadDuration(config, ReadRetry + ".min-backoff", allowInfinite: false,
            "the wait before the first retry of a failed topic log read", $"{ReadRetry}.min-backoff = 500ms (the default)", "500ms or 2s");
        var maxBackoff = ReadDuration(config, ReadRetry + ".max-backoff", allowInfinite: false,
            "the longest wait between retries of a failed topic log read", $"{ReadRetry}.max-backoff = 30s (the default)", "30s or 1 minute");
        if (maxBackoff < minBackoff)
        {
            throw Invalid(config.GetValue(ReadRetry + ".max-backoff"), ReadRetry + ".max-backoff",
                $"it must be at least {ReadRetry}.min-backoff ({minBackoff})", $"{ReadRetry}.max-backoff = 30s (the default)");
        }

        return new TopicServiceOptions
        {
            MaxInFlight = ReadInt(config, Durable + ".max-in-flight", 1,
                "the events a durable subscriber may have unacknowledged at once", $"{Durable}.max-in-flight = 100 (the default)"),
            RedeliveryInterval = ReadDuration(config, Durable + ".redelivery-interval", allowInfinite: false,
                "how long after delivery an unacknowledged event is delivered again", $"{Durable}.redelivery-interval = 30s (the default)", "30s or 2 minutes"),
            OffsetStoreInterval = ReadDuration(config, Durable + ".offset-store-interval", allowInfinite: false,
                "the longest an acknowledged offset waits before it is stored", $"{Durable}.offset-store-interval = 1s (the default)", "1s or 500ms"),
            OffsetStoreBatch = ReadInt(config, Durable + ".offset-store-batch", 1,
                "the acknowledgements after which the offset is stored at once", $"{Durable}.offset-store-batch = 100 (the default)"),
            ReadRetryMinBackoff = minBackoff,
            ReadRetryMaxBackoff = maxBackoff,
        };
    }

    private static void CheckKeys(Config config, string path, string[] keys, string example)
    {
        if (config.GetValue(path) is not HoconObject section)
        {
            throw Invalid(config.GetValue(path), path, "it must be an object", example);
        }

        foreach (var (key, value) in section)
        {
            if (!keys.Contains(key))
            {
                throw new HoconException(value.Origin,
                    $"{path}.{key} is not a setting: {path} takes only {string.Join(", ", keys)}. Fix: correct the spelling or remove it");
            }
        }
    }
}
