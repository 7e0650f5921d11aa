namespace Agents.Hocon;

/// <summary>The form of an include statement.</summary>
public enum HoconIncludeKind
{
    /// <summary><c>include "name"</c>: a URL if it has a scheme, otherwise a file next to the including one (or a resource next to the including resource).</summary>
    Heuristic,
    /// <summary><c>include file("path")</c>: a file path used as given.</summary>
    File,
    /// <summary><c>include classpath("name")</c>: an embedded resource, then a file under the application's base directory.</summary>
    Classpath,
    /// <summary><c>include url("...")</c>: only <c>file:</c> URLs are supported.</summary>
    Url,
}
