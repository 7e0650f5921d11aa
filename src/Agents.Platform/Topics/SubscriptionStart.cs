using System.Text.Json.Serialization;

namespace Agents.Platform.Topics;

/// <summary>
/// Where a new durable subscription begins reading, the first time its id is used; later it always resumes after
/// its stored offset, whatever this says. In HOCON and JSON: <c>beginning</c> or <c>end</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionStart>))]
public enum SubscriptionStart
{
    /// <summary>At the beginning of the topic log: the subscriber also receives what was published before it existed.</summary>
    [JsonStringEnumMemberName("beginning")]
    Beginning,

    /// <summary>
    /// At the end of the log when the subscription is first made: only what is published from then on (give or take
    /// the events of transactions that were committing at that moment).
    /// </summary>
    [JsonStringEnumMemberName("end")]
    End,
}
