using Agents.Persistence.Journal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Query;

/// <summary>
/// How queries read a page: one prepared statement on a pooled connection, driver failures turned into storage
/// exceptions; for live queries, repeated with a backoff until the database answers. Shared by the read journal and
/// the topic log so that both survive outages the same way.
/// </summary>
internal sealed partial class PageReader(NpgsqlDataSource dataSource, TimeSpan pollInterval, TimeProvider time, ILogger logger)
{
    /// <summary>Runs a page query and maps its rows, turning driver failures into storage exceptions.</summary>
    public async Task<List<T>> ReadPageAsync<T>(
        string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> map, string what,
        CancellationToken cancellationToken)
    {
        try
        {
            // Prepared on each pooled connection once (Npgsql keeps it with the physical connection): live queries
            // read the same statements over and over, and planning them is a good part of a small page's cost.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            parameters(command.Parameters);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        catch (Exception e) when (StorageFailure.IsStorageFailure(e))
        {
            // Idle pooled connections are likely as dead as this one; the next read should dial afresh.
            dataSource.Clear();
            throw StorageFailure.Wrap(dataSource, what, e, "The query stopped; start it again from its last offset.");
        }
    }

    /// <summary>
    /// Reads a page for a live query, which outlives database outages: a storage failure is logged and the read
    /// repeated after <paramref name="outage"/>'s next delay, until it succeeds or the query is cancelled.
    /// </summary>
    public async Task<T> ReadLiveAsync<T>(Func<Task<T>> read, Outage outage, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var result = await read().ConfigureAwait(false);
                outage.End();
                return result;
            }
            catch (JournalStorageException e)
            {
                var delay = outage.NextDelay(pollInterval);
                LogLiveReadFailed(logger, delay, e.Message);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads once for a current query, and until it succeeds for a live one (see <see cref="ReadLiveAsync{T}"/>).</summary>
    public Task<T> ReadAsync<T>(bool live, Outage outage, Func<Task<T>> read, CancellationToken cancellationToken) =>
        live ? ReadLiveAsync(read, outage, cancellationToken) : read();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live query could not read ({Reason}); it tries again in {Delay}")]
    private static partial void LogLiveReadFailed(ILogger logger, TimeSpan delay, string reason);
}
