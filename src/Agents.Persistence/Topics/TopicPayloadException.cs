namespace Agents.Persistence.Topics;

/// <summary>
/// A stored topic event cannot be read back: its manifest is unknown or its payload does not fit the type. The read
/// that met it ends after delivering every event before it.
/// </summary>
public sealed class TopicPayloadException : Exception
{
    /// <summary>Creates the exception for the event at <paramref name="offset"/>.</summary>
    public TopicPayloadException(TopicOffset offset, string topic, string manifest, int version, Exception innerException)
        : base(
            $"Cannot read back the topic event at offset {offset} on topic '{topic}' (manifest '{manifest}', version " +
            $"{version}): {innerException?.Message} Register the manifest, add an upcaster for this version, or repair " +
            "the stored payload, then read again from the offset of the last event handled.",
            innerException)
    {
        Offset = offset;
        Topic = topic;
        Manifest = manifest;
        Version = version;
    }

    /// <summary>The offset of the unreadable event.</summary>
    public TopicOffset Offset { get; }

    /// <summary>Its topic.</summary>
    public string Topic { get; }

    /// <summary>Its stored manifest.</summary>
    public string Manifest { get; }

    /// <summary>Its stored schema version.</summary>
    public int Version { get; }
}
