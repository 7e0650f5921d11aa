using System.Data;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

internal sealed partial class JournalWriter
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;
    private NpgsqlCommand? _insertTagged;
    private NpgsqlCommand? _insertOne;

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
        if (command is null)
        {
            command = await PrepareAsync(InsertCommand.Create(_sql, tagged, connection)).ConfigureAwait(false);
            if (tagged)
            {
                _insertTagged = command;
            }
            else
            {
                _insert = command;
            }
        }

        return command;
    }

    /// <summary>The prepared single-row INSERT of one untagged event.</summary>
    private async Task<NpgsqlCommand> PreparedInsertOneAsync()
    {
        var connection = await ConnectionAsync().ConfigureAwait(false);
        return _insertOne ??= await PrepareAsync(InsertCommand.CreateOne(_sql, connection)).ConfigureAwait(false);
    }

    private static async Task<NpgsqlCommand> PrepareAsync(NpgsqlCommand command)
    {
        await command.PrepareAsync().ConfigureAwait(false);
        return command;
    }

    private async Task DropConnectionAsync()
    {
        foreach (var command in new[] { _insert, _insertTagged, _insertOne })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        (_insert, _insertTagged, _insertOne) = (null, null, null);
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
