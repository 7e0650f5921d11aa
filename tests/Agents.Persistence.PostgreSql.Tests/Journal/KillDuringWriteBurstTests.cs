using System.Diagnostics;
using System.Globalization;
using Agents.TestKit;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

/// <summary>Kills a process that writes through the journal (the WriterHost program) in the middle of a burst.</summary>
public sealed class KillDuringWriteBurstTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_in_the_middle_of_a_write_burst_loses_no_acknowledged_event_and_leaves_no_gap()
    {
        var prefix = Stores.UniqueId("killed");
        var acknowledged = new List<(string PersistenceId, long SequenceNr)>();
        using (var host = StartWriterHost(prefix, writers: 20))
        {
            try
            {
                using var timeout = new CancellationTokenSource(Patience);
                while (acknowledged.Count < 3_000)
                {
                    var line = await host.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException(
                            $"WriterHost exited with status {host.ExitCode} after {acknowledged.Count} acknowledgements: " +
                            await host.StandardError.ReadToEndAsync(timeout.Token));
                    acknowledged.Add(Parse(line));
                }

                host.Kill();
                await host.WaitForExitAsync(timeout.Token);

                // Acknowledgements printed before the kill are still in the pipe; a torn last line is not one.
                var rest = await host.StandardOutput.ReadToEndAsync(timeout.Token);
                acknowledged.AddRange(rest.Split('\n').SkipLast(1).Select(Parse));
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill();
                }
            }
        }

        var stored = await StoredAsync(prefix);
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.PersistenceId, out var numbers) || !numbers.Contains(a.SequenceNr)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged events are missing, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.All(stored, entity => Assert.Equal(Enumerable.Range(1, entity.Value.Count).Select(i => (long)i), entity.Value));
    }

    private static (string PersistenceId, long SequenceNr) Parse(string line)
    {
        var fields = line.Split(' ');
        return (fields[0], long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    private async Task<Dictionary<string, List<long>>> StoredAsync(string prefix)
    {
        var stored = new Dictionary<string, List<long>>();
        await using var command = database.DataSource.CreateCommand(
            "SELECT persistence_id, sequence_nr FROM agents.journal WHERE persistence_id LIKE $1 ORDER BY persistence_id, sequence_nr");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = prefix + "-%" });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var persistenceId = reader.GetString(0);
            if (!stored.TryGetValue(persistenceId, out var numbers))
            {
                stored[persistenceId] = numbers = [];
            }

            numbers.Add(reader.GetInt64(1));
        }

        return stored;
    }

    /// <summary>Runs 'dotnet Agents.Persistence.PostgreSql.Tests.WriterHost.dll', built beside the tests.</summary>
    private Process StartWriterHost(string prefix, int writers)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Agents.Persistence.PostgreSql.Tests.WriterHost.dll"));
        start.ArgumentList.Add(database.ConnectionString);
        start.ArgumentList.Add(prefix);
        start.ArgumentList.Add(writers.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }
}
