using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Agents.Cli.Management;

/// <summary>The server-sent event streams (<c>topic tail</c>, <c>cluster tail</c>).</summary>
internal sealed partial class ManagementClient
{
    /// <summary>
    /// <c>GET /api/cluster/stream</c>: yields the membership changes the node streams (first every member as <c>member-up</c>)
    /// until it closes the stream or <paramref name="cancellationToken"/> fires (then the enumeration throws
    /// <see cref="OperationCanceledException"/>).
    /// </summary>
    public async IAsyncEnumerable<ClusterMemberEvent> TailClusterAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var data in StreamAsync("api/cluster/stream", cancellationToken).ConfigureAwait(false))
        {
            yield return ReadStreamed<ClusterMemberEvent>(data, "a membership change") with { Json = OneLine(data) };
        }
    }

    /// <summary>
    /// Opens the event stream at <paramref name="path"/> and yields the data of each event until the node closes it or
    /// <paramref name="cancellationToken"/> fires. The request timeout covers only the wait for the answer's headers; a
    /// stream that breaks off is a <see cref="ManagementException"/>.
    /// </summary>
    private async IAsyncEnumerable<string> StreamAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");

        HttpResponseMessage response;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_timeout);
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (Unreachable(e, _timeout, cancellationToken) is { } failure)
            {
                throw failure;
            }
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw Failure(request, response.StatusCode, body);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var events = ServerSentEventReader.ReadDataAsync(stream, cancellationToken).WithCancellation(cancellationToken);
                await using var enumerator = events.GetAsyncEnumerator();
                while (true)
                {
                    string data;
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            yield break;
                        }
                        data = enumerator.Current;
                    }
                    catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        throw new ManagementException($"the stream from the node at {Origin} broke off: {e.Message}", e);
                    }
                    yield return data;
                }
            }
        }
    }

    /// <summary>The data of one streamed event as <typeparamref name="T"/>; a <see cref="ManagementException"/> naming it when it is not.</summary>
    private static T ReadStreamed<T>(string data, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(data, Json)
                ?? throw new ManagementException($"the node streamed {what} whose data is 'null'");
        }
        catch (JsonException e)
        {
            throw new ManagementException($"the node streamed an event that is not the expected JSON ({e.Message}): {data}", e);
        }
    }
}
