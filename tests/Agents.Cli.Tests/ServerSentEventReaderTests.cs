using System.Text;
using Agents.Cli.Management;

namespace Agents.Cli.Tests;

public sealed class ServerSentEventReaderTests
{
    private static async Task<List<string>> Read(Stream stream)
    {
        var events = new List<string>();
        await foreach (var data in ServerSentEventReader.ReadDataAsync(stream, CancellationToken.None))
        {
            events.Add(data);
        }
        return events;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Events_split_over_reads_arrive_whole(int chunkSize)
    {
        var stream = ChunkedStream.Of("data: {\"city\":\"Zürich\"}\n\ndata: second\n\n", chunkSize);

        Assert.Equal(["{\"city\":\"Zürich\"}", "second"], await Read(stream));
    }

    [Fact]
    public async Task Comments_and_keep_alives_are_skipped()
    {
        var stream = ChunkedStream.Of(": hello\n\n:keep-alive\n\ndata: one\n:inside\n\n", 3);

        Assert.Equal(["one"], await Read(stream));
    }

    [Fact]
    public async Task Several_data_lines_join_with_a_newline()
    {
        var stream = ChunkedStream.Of("data: first\ndata:second\ndata\n\n", 4);

        Assert.Equal(["first\nsecond\n"], await Read(stream));
    }

    [Fact]
    public async Task Crlf_and_cr_line_endings_work()
    {
        var stream = ChunkedStream.Of("data: a\r\n\r\ndata: b\r\rdata: c\r\n\r\n", 1);

        Assert.Equal(["a", "b", "c"], await Read(stream));
    }

    [Fact]
    public async Task Event_id_and_retry_fields_are_ignored()
    {
        var stream = ChunkedStream.Of("event: topic\nid: 7\nretry: 1000\ndata: x\n\nid: 8\n\n", 6);

        Assert.Equal(["x"], await Read(stream));
    }

    [Fact]
    public async Task An_event_cut_off_by_the_end_of_the_stream_is_dropped()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("data: whole\n\ndata: cut"));

        Assert.Equal(["whole"], await Read(stream));
    }
}
