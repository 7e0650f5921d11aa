namespace Agents.Actors.Routing;

/// <summary>
/// A message that carries the key a consistent-hashing router routes it by: messages with equal keys go
/// to the same routee while the set of routees is unchanged.
/// </summary>
public interface IConsistentHashable
{
    /// <summary>
    /// The routing key. Strings, byte arrays, integers and <see cref="Guid"/>s hash by value; any other key
    /// by its invariant-culture text (<see cref="IFormattable"/>) or <see cref="object.ToString"/>, so such
    /// a key needs a <c>ToString</c> that identifies it (records have one).
    /// </summary>
    object ConsistentHashKey { get; }
}
