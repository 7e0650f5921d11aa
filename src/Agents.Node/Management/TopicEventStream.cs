using System.Text.Json;
using Agents.Node.Hosting;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /api/topics/stream?pattern=P&amp;fromBeginning=true|false</c>: follows the topic log as
/// <c>text/event-stream</c>, one <c>data:</c> line per event whose topic matches the pattern (a
/// <see cref="StreamedTopicEvent"/>), with a comment line every <see cref="ServerSentEvents.KeepAlive"/> so that proxies keep the
/// connection open. It runs until the client disconnects or the node stops (so that an open stream does not hold
/// the shutdown until its timeout). An event this node cannot read back (an unknown manifest)
/// ends the stream with an <c>event: error</c> naming its offset, since the log never skips an event silently.
/// </summary>
internal static class TopicEventStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> RunAsync(
        string? pattern, string? fromBeginning, HttpContext context, NodeRuntime runtime, StoreBrowser store, TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        var text = pattern ?? "#";
        if (!TopicPattern.TryParse(text, out var parsed, out var error))
        {
            return TypedResults.Problem(title: "Bad topic pattern", detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var replay = false;
        if (fromBeginning is not null && !bool.TryParse(fromBeginning, out replay))
        {
            return TypedResults.Problem(
                title: "Bad query parameter 'fromBeginning'",
                detail: $"'fromBeginning' is '{fromBeginning}'; give true (replay every matching event first) or false (only new ones, the default).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = streaming.Token;
        var start = replay ? TopicLiveStart.Beginning : await store.ReadTopicLiveStartAsync(cancellationToken).ConfigureAwait(false);
        var response = context.Response;
        await ServerSentEvents.StartAsync(response, cancellationToken).ConfigureAwait(false);

        try
        {
            await FollowAsync(runtime, Filter(parsed), start, response, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the node is stopping: the normal end of a stream. Whatever the pending read
            // throws then (cancelled, or the store already disposed by the stopping node) has no one to report to.
        }

        return TypedResults.Empty;
    }

    /// <summary>
    /// The pattern as a log filter: <see cref="TopicPattern.Matches"/>, plus the literal words before its first
    /// wildcard as a prefix the store evaluates where the events are.
    /// </summary>
    internal static TopicFilter Filter(TopicPattern pattern)
    {
        var literal = pattern.ToString().Split('.').TakeWhile(word => word is not ("*" or "#")).ToArray();
        return new TopicFilter(
            topic => TopicName.TryParse(topic, out var name) && pattern.Matches(name),
            literal.Length == 0 ? null : [string.Join('.', literal)]);
    }

    private static async Task FollowAsync(
        NodeRuntime runtime, TopicFilter filter, TopicLiveStart start, HttpResponse response, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = runtime.Store.TopicLog.SubscribeAsync(start.After, filter, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = Task.FromResult(false);
        try
        {
            next = events.MoveNextAsync().AsTask();
            while (true)
            {
                bool more;
                try
                {
                    more = await next.WaitAsync(ServerSentEvents.KeepAlive, time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await ServerSentEvents.WriteKeepAliveAsync(response, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (TopicPayloadException e)
                {
                    await ServerSentEvents.WriteEventAsync(response, "error", JsonSerializer.Serialize(e.Message, Json), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (!more)
                {
                    return;
                }

                var envelope = events.Current;
                if (start.AlreadyCommitted.Contains(envelope.Offset))
                {
                    next = events.MoveNextAsync().AsTask();
                    continue;
                }

                var streamed = new StreamedTopicEvent(envelope.Offset.ToString(), envelope.Topic, envelope.PublishedAt, PayloadOf(runtime, envelope));
                await ServerSentEvents.WriteEventAsync(response, null, JsonSerializer.Serialize(streamed, Json), cancellationToken).ConfigureAwait(false);
                next = events.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An async iterator refuses DisposeAsync while a MoveNextAsync is pending (NotSupportedException), which
            // is the case when the client leaves or the node stops between events: cancel the read, let it settle
            // (its outcome no longer matters), then dispose.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(next).ConfigureAwait(false);
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static JsonElement PayloadOf(NodeRuntime runtime, TopicEnvelope envelope)
    {
        if (envelope.Payload is JsonPayload document)
        {
            return document.Document;
        }

        using var parsed = JsonDocument.Parse(runtime.Serializer.Serialize(envelope.Payload).Json);
        return parsed.RootElement.Clone();
    }
}
