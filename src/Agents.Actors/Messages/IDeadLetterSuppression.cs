namespace Agents.Actors;

/// <summary>
/// Marks messages whose dead letters are expected and not worth a log line. They are still published
/// on the event stream and counted.
/// </summary>
public interface IDeadLetterSuppression;
