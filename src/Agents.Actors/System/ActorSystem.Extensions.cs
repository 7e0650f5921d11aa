using System.Collections.Concurrent;

namespace Agents.Actors;

// Per-system services that layers above the runtime attach (persistence, cluster), as Akka.NET's
// extensions: kept on the system itself so that several systems in one process never share them.
public sealed partial class ActorSystem
{
    private readonly ConcurrentDictionary<Type, object> _extensions = new();

    /// <summary>
    /// Registers <paramref name="extension"/> as this system's <typeparamref name="T"/>, replacing nothing: a
    /// system has at most one extension of each type.
    /// </summary>
    /// <exception cref="InvalidOperationException">The system already has a <typeparamref name="T"/>.</exception>
    public T RegisterExtension<T>(T extension) where T : class
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!_extensions.TryAdd(typeof(T), extension))
        {
            throw new InvalidOperationException(
                $"Actor system '{Name}' already has a {typeof(T).Name}; register it once, when the system is set up.");
        }
        return extension;
    }

    /// <summary>This system's <typeparamref name="T"/>, created with <paramref name="factory"/> on first use.</summary>
    public T GetOrAddExtension<T>(Func<ActorSystem, T> factory) where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (T)_extensions.GetOrAdd(typeof(T), static (_, state) => state.factory(state.system), (factory, system: this));
    }

    /// <summary>Finds this system's <typeparamref name="T"/>, if one was registered.</summary>
    public bool TryGetExtension<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? extension) where T : class
    {
        if (_extensions.TryGetValue(typeof(T), out var value))
        {
            extension = (T)value;
            return true;
        }
        extension = null;
        return false;
    }
}
