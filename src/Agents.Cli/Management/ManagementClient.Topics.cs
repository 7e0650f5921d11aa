using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>The journal and topic routes.</summary>
internal sealed partial class ManagementClient
{
    /// <summary><c>GET /api/journal/{persistenceId}?from=N&amp;max=M</c>: the events of one persistent actor.</summary>
    public Task<ApiReply<JournalPage>> GetJournalAsync(string persistenceId, long from, int max, CancellationToken cancellationToken) =>
        SendAsync<JournalPage>(
            HttpMethod.Get, $"api/journal/{Uri.EscapeDataString(persistenceId)}?from={from}&max={max}", null, cancellationToken);

    /// <summary><c>GET /api/topics</c>: the topics and how many events each holds.</summary>
    public Task<ApiReply<IReadOnlyList<TopicSummary>>> GetTopicsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<TopicSummary>>(HttpMethod.Get, "api/topics", null, cancellationToken);

    /// <summary><c>POST /api/topics/{topic}/events</c> with <paramref name="eventJson"/> as the body; needs the token.</summary>
    public Task<ApiReply<PublishReceipt>> PublishAsync(string topic, string eventJson, CancellationToken cancellationToken) =>
        SendAsync<PublishReceipt>(HttpMethod.Post, $"api/topics/{Uri.EscapeDataString(topic)}/events", eventJson, cancellationToken);

    /// <summary>
    /// <c>GET /api/topics/stream?pattern=P&amp;fromBeginning=B</c>: yields the events the node streams until it closes the stream or
    /// <paramref name="cancellationToken"/> fires (then the enumeration throws <see cref="OperationCanceledException"/>).
    /// The request timeout covers only the wait for the answer's headers.
    /// </summary>
    public async IAsyncEnumerable<TopicEvent> TailAsync(
        string pattern, bool fromBeginning, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = $"api/topics/stream?pattern={Uri.EscapeDataString(pattern)}&fromBeginning={(fromBeginning ? "true" : "false")}";
        await foreach (var data in StreamAsync(path, cancellationToken).ConfigureAwait(false))
        {
            yield return ReadTopicEvent(data);
        }
    }

    private static string OneLine(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }

    private static TopicEvent ReadTopicEvent(string data)
    {
        var parsed = ReadStreamed<TopicEvent>(data, "an event");
        // A data field may span several lines; --json promises one line per event.
        return parsed with { Json = data.Contains('\n', StringComparison.Ordinal) ? OneLine(data) : data };
    }
}
