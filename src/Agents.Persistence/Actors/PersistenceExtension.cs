using Agents.Actors;
using Agents.Persistence.Adapters;
using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>
/// The stores and settings the persistent actors of one actor system use (Akka.NET's <c>Persistence</c>
/// extension). Kept on the system (<see cref="ActorSystem.RegisterExtension{T}"/>), never in static state, so
/// several systems in one process can each have their own. Every persistent actor of the system writes through
/// the same <see cref="Journal"/>, so a journal that batches (the PostgreSQL one commits the writes of many actors
/// in one round-trip) batches across actors.
/// </summary>
public sealed class PersistenceExtension
{
    /// <summary>Creates the extension; register it with <see cref="PersistenceActorSystemExtensions.AddPersistence"/>.</summary>
    /// <param name="journal">Where events go.</param>
    /// <param name="snapshotStore">Where snapshots go.</param>
    /// <param name="options">Settings; <see cref="PersistenceOptions.Default"/> when null.</param>
    /// <param name="serializer">The serializer the stores were built with, for code that needs the same manifests.</param>
    /// <param name="writeAdapters">The write adapters the journal was built with.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public PersistenceExtension(
        IJournal journal,
        ISnapshotStore snapshotStore,
        PersistenceOptions? options = null,
        IEventSerializer? serializer = null,
        IReadOnlyList<IWriteEventAdapter>? writeAdapters = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        options ??= PersistenceOptions.Default;
        options.Validate();
        Journal = journal;
        SnapshotStore = snapshotStore;
        Options = options;
        Serializer = serializer;
        WriteAdapters = writeAdapters ?? [];
    }

    /// <summary>The journal every persistent actor of the system writes to and recovers from.</summary>
    public IJournal Journal { get; }

    /// <summary>The snapshot store of the system's persistent actors.</summary>
    public ISnapshotStore SnapshotStore { get; }

    /// <summary>The settings.</summary>
    public PersistenceOptions Options { get; }

    /// <summary>The serializer (and through it the manifest registry and upcasters) of the stores, when known.</summary>
    public IEventSerializer? Serializer { get; }

    /// <summary>The write adapters the journal applies, when known.</summary>
    public IReadOnlyList<IWriteEventAdapter> WriteAdapters { get; }

    /// <summary>Journal calls in flight per persistence id, so a restarted actor recovers only after its earlier writes settled.</summary>
    internal WritesInFlight WritesInFlight { get; } = new();

    /// <summary>The persistence of <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">No persistence was added to the system.</exception>
    public static PersistenceExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.TryGetExtension<PersistenceExtension>(out var extension)
            ? extension
            : throw new InvalidOperationException(
                $"Actor system '{system.Name}' has no persistence. Call system.AddPersistence(journal, snapshotStore) " +
                "(or AddInMemoryPersistence) before creating persistent actors.");
    }
}
