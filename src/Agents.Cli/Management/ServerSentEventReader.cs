using System.Runtime.CompilerServices;
using System.Text;

namespace Agents.Cli.Management;

/// <summary>
/// Reads the <c>text/event-stream</c> format (WHATWG HTML, "Server-sent events"): yields the data of each event,
/// its <c>data:</c> lines joined with <c>\n</c>. Comments (<c>:keep-alive</c>) and the <c>event</c>, <c>id</c> and
/// <c>retry</c> fields are skipped; an event without data is not dispatched, nor one cut off by the end of the stream.
/// </summary>
/// <remarks>Lines may arrive split over any number of reads, and end in CRLF, LF or CR.</remarks>
internal static class ServerSentEventReader
{
    /// <summary>Yields the data of each complete event on <paramref name="stream"/> until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public static async IAsyncEnumerable<string> ReadDataAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return data.ToString();
                }
                data.Clear();
                hasData = false;
                continue;
            }
            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            if (field != "data")
            {
                continue;
            }

            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            if (hasData)
            {
                data.Append('\n');
            }
            data.Append(value);
            hasData = true;
        }
    }
}
