using System.Data;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

internal sealed partial class JournalWriter
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insertTagged;

    /// <summary>
    /// The writer's own connection, kept open so that its statements stay prepared; replaced after a failure.
    /// </summary>
    private async Task<NpgsqlConnection> ConnectionAsync()
    {
        if (_connection is { State: ConnectionState.Open })
        {
            return _connection;
        }

        await DropConnectionAsync().ConfigureAwait(false);
        _connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return _connection;
    }

    /// <summary>The prepared INSERT of a batch with tags, which also writes the tag rows.</summary>
    private async Task<NpgsqlCommand> PreparedTaggedInsertAsync()
    {
        var connection = await ConnectionAsync().ConfigureAwait(false);
        if (_insertTagged is null)
        {
            _insertTagged = InsertCommand.Create(_sql, tagged: true, connection);
            await _insertTagged.PrepareAsync().ConfigureAwait(false);
        }

        return _insertTagged;
    }

    private async Task DropConnectionAsync()
    {
        if (_insertTagged is not null)
        {
            await _insertTagged.DisposeAsync().ConfigureAwait(false);
            _insertTagged = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
