using System.Text;

namespace Agents.Cli.Tests;

/// <summary>
/// A read-only stream that hands out the given pieces one read at a time, as a network does; when they are used up it either
/// ends or calls <c>whenDrained</c> and then waits for the reader's cancellation (a live stream with nothing more to say).
/// </summary>
internal sealed class ChunkedStream(IEnumerable<byte[]> chunks, Action? whenDrained = null) : Stream
{
    private readonly Queue<byte[]> _chunks = new(chunks);
    private byte[] _current = [];
    private int _position;

    public static ChunkedStream Of(string text, int chunkSize, Action? whenDrained = null) =>
        new(Encoding.UTF8.GetBytes(text).Chunk(chunkSize), whenDrained);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_position == _current.Length)
        {
            if (!_chunks.TryDequeue(out var next))
            {
                if (whenDrained is null)
                {
                    return 0;
                }
                whenDrained();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            else
            {
                _current = next;
                _position = 0;
            }
        }
        var count = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
