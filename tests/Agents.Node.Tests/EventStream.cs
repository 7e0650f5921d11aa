using System.Net;
using System.Text.Json;

namespace Agents.Node.Tests;

/// <summary>An open server-sent event stream of the management API; disposing it disconnects.</summary>
internal sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    // A guard against a hang, not a timing assertion: the events are published before they are awaited.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Opens the stream at <paramref name="path"/>, checking that it is one.</summary>
    public static async Task<EventStream> OpenAsync(HttpClient client, string path)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<JsonElement> NextEventAsync()
    {
        var (name, data) = await NextAsync();
        Assert.Null(name);
        return data;
    }

    /// <summary>The next server-sent event: its name (null for a plain data event) and its data.</summary>
    public async Task<(string? Name, JsonElement Data)> NextAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        string? name = null;
        while (await reader.ReadLineAsync(guard.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (name, JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]));
            }
        }

        throw new InvalidOperationException("The stream ended before an event.");
    }

    /// <summary>Everything left until the stream ends.</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await reader.ReadToEndAsync(guard.Token);
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
