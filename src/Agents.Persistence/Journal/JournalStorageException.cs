namespace Agents.Persistence.Journal;

/// <summary>
/// A journal or snapshot store could not do what was asked because of its storage (unreachable, refused,
/// timed out). Akka.NET calls this a <i>failure</i>, as opposed to a <i>rejection</i> of one write.
/// </summary>
public class JournalStorageException : Exception
{
    /// <summary>Creates the exception with a message that says what failed, where, and what to do.</summary>
    public JournalStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
