using Agents.Actors;
using Agents.Persistence.Adapters;
using Agents.Persistence.InMemory;
using Agents.Persistence.Journal;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

/// <summary>Adds persistence to an actor system.</summary>
public static class PersistenceActorSystemExtensions
{
    /// <summary>
    /// Makes <paramref name="journal"/> and <paramref name="snapshotStore"/> the stores of the system's persistent
    /// actors, e.g. <c>system.AddPersistence(postgres.Journal, postgres.SnapshotStore)</c>.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="journal">Where events go.</param>
    /// <param name="snapshotStore">Where snapshots go.</param>
    /// <param name="options">
    /// Settings; when null they are read from the <c>agents.persistence</c> section of the system's
    /// <see cref="ActorSystem.Config"/> (<see cref="PersistenceOptions.FromConfig"/>).
    /// </param>
    /// <param name="serializer">The serializer the stores were built with.</param>
    /// <param name="writeAdapters">The write adapters the journal was built with.</param>
    /// <exception cref="InvalidOperationException">The system already has persistence.</exception>
    /// <exception cref="Agents.Hocon.HoconException">A setting of the system's configuration has a bad value.</exception>
    public static PersistenceExtension AddPersistence(
        this ActorSystem system,
        IJournal journal,
        ISnapshotStore snapshotStore,
        PersistenceOptions? options = null,
        IEventSerializer? serializer = null,
        IReadOnlyList<IWriteEventAdapter>? writeAdapters = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= PersistenceOptions.FromConfig(system.Config);
        return system.RegisterExtension(new PersistenceExtension(journal, snapshotStore, options, serializer, writeAdapters));
    }

    /// <summary>
    /// Gives the system an in-memory journal and snapshot store (tests, single-process tools) that serialize with
    /// <paramref name="serializer"/> and stamp with the system's clock.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="serializer">How events and snapshots are serialized.</param>
    /// <param name="writeAdapters">Adapters applied to events before they are written.</param>
    /// <param name="options">
    /// Settings; when null they are read from the <c>agents.persistence</c> section of the system's
    /// <see cref="ActorSystem.Config"/> (<see cref="PersistenceOptions.FromConfig"/>).
    /// </param>
    /// <exception cref="InvalidOperationException">The system already has persistence.</exception>
    /// <exception cref="Agents.Hocon.HoconException">A setting of the system's configuration has a bad value.</exception>
    public static PersistenceExtension AddInMemoryPersistence(
        this ActorSystem system,
        IEventSerializer serializer,
        IReadOnlyList<IWriteEventAdapter>? writeAdapters = null,
        PersistenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(serializer);
        var journal = new InMemoryJournal(serializer, writeAdapters, system.TimeProvider);
        var snapshots = new InMemorySnapshotStore(serializer, system.TimeProvider);
        return system.AddPersistence(journal, snapshots, options, serializer, writeAdapters);
    }
}
