namespace Agents.Persistence.Serialization;

/// <summary>An <see cref="IEventSerializer"/> could not serialize or deserialize one value.</summary>
public sealed class EventSerializationException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong and how to fix it.</summary>
    public EventSerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
