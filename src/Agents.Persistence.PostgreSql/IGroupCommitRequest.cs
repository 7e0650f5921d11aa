namespace Agents.Persistence.PostgreSql;

/// <summary>One caller's request in a <see cref="GroupCommitWriter{TRequest}"/>'s queue.</summary>
internal interface IGroupCommitRequest
{
    /// <summary>How many events (rows) it writes, which is what a batch's maximum counts.</summary>
    int EventCount { get; }

    /// <summary>Completes the caller's task with <paramref name="exception"/>; nothing when it has completed already.</summary>
    void Fail(Exception exception);
}
