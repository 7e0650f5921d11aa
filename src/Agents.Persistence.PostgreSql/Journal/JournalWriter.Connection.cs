using System.Data;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

internal sealed partial class JournalWriter
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;
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

    /// <summary>The prepared INSERT, with or without tag rows.</summary>
    private async Task<NpgsqlCommand> PreparedInsertAsync(bool tagged)
    {
        var connection = await ConnectionAsync().ConfigureAwait(false);
        var command = tagged ? _insertTagged : _insert;
        if (command is not null)
        {
            return command;
        }

        command = InsertCommand.Create(_sql, tagged, connection);
        await command.PrepareAsync().ConfigureAwait(false);
        if (tagged)
        {
            _insertTagged = command;
        }
        else
        {
            _insert = command;
        }

        return command;
    }

    private async Task DropConnectionAsync()
    {
        foreach (var command in new[] { _insert, _insertTagged })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        (_insert, _insertTagged) = (null, null);
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
