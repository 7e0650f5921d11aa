namespace Agents.Node.Story;

/// <summary>
/// Where the story goes: plain lines on a text writer (the console), each after the local time in the form of the
/// node's log lines (<c>HH:mm:ss</c>), so that the story reads as one thread between the log lines.
/// </summary>
/// <param name="output">The writer; the node passes <see cref="Console.Out"/>, which is safe for several threads.</param>
/// <param name="time">The clock of the time stamps.</param>
public sealed class StoryWriter(TextWriter output, TimeProvider time)
{
    /// <summary>Writes one line of the story.</summary>
    /// <param name="line">The line, without time stamp.</param>
    public void Write(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        output.WriteLine($"{time.GetLocalNow():HH:mm:ss} {line}");
    }
}
