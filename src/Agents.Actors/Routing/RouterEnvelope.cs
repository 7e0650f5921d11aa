namespace Agents.Actors.Routing;

/// <summary>
/// A message wrapped with routing instructions. The router reads the instructions and the routee
/// receives only <see cref="Message"/>.
/// </summary>
public abstract record RouterEnvelope
{
    /// <summary>Wraps <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentNullException">The message is null.</exception>
    protected RouterEnvelope(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>The message the routee receives.</summary>
    public object Message { get; }
}
