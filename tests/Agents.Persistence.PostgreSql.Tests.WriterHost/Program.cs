using System.Globalization;
using Agents.Persistence;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.PostgreSql.Tests.WriterHost;
using Agents.Persistence.Serialization;
using Npgsql;

// Writes a burst through the PostgreSQL journal: WRITERS concurrent writers, entity PREFIX-<n> each, in atomic writes
// of one to three events, and prints "<persistence id> <sequence nr>" for every event whose write was acknowledged,
// after the acknowledgement. Writes until killed, or until standard input closes (its parent died).
// KillDuringWriteBurstTests kills this process with SIGKILL in the middle of the burst.
if (args.Length != 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var writers) || writers < 1)
{
    await Console.Error.WriteLineAsync("usage: Agents.Persistence.PostgreSql.Tests.WriterHost CONNECTION_STRING PREFIX WRITERS");
    return 2;
}

var (connectionString, prefix) = (args[0], args[1]);
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var serializer = new JsonEventSerializer(ManifestRegistry.Create(typeof(BurstEvent)));
await using var persistence = await PostgreSqlPersistence.StartAsync(dataSource, serializer);
using var stopping = new CancellationTokenSource();
var output = Console.Out;
var gate = new Lock();

var burst = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    var persistenceId = $"{prefix}-{w}";
    for (var next = 1L; !stopping.IsCancellationRequested;)
    {
        var count = 1 + (int)(next % 3);
        var events = Enumerable.Range(0, count)
            .Select(i => new PersistentRepresentation(persistenceId, next + i, new BurstEvent(w, next + i)) { WriterId = "burst" })
            .ToList();
        var results = await persistence.Journal.WriteMessagesAsync([new AtomicWrite(events)]);
        if (results[0] is { } rejected)
        {
            throw rejected;
        }

        lock (gate)
        {
            foreach (var e in events)
            {
                output.WriteLine($"{persistenceId} {e.SequenceNr}");
            }
        }

        next += count;
    }
})).ToList();

await Console.In.ReadToEndAsync();
await stopping.CancelAsync();
await Task.WhenAll(burst);
return 0;
