namespace Agents.Hocon;

/// <summary>A required path is not set in the configuration.</summary>
public sealed class HoconMissingPathException : HoconException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The path that was asked for.</param>
    /// <param name="origin">The deepest object along the path that does exist.</param>
    /// <param name="reason">What is missing and how to fix it.</param>
    public HoconMissingPathException(string path, HoconOrigin origin, string reason) : base(origin, reason) => Path = path;

    /// <summary>The path that was asked for.</summary>
    public string Path { get; }
}
