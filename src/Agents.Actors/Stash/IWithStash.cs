namespace Agents.Actors;

/// <summary>
/// Implemented by actors that stash. The runtime sets <see cref="Stash"/> right after the actor is
/// constructed (declare it as <c>public IStash Stash { get; set; } = null!;</c>), so it is not
/// available inside the constructor.
/// </summary>
public interface IWithStash
{
    /// <summary>The actor's stash, set by the runtime.</summary>
    IStash Stash { get; set; }
}
