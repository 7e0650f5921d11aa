using Agents.TestKit;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Schema;

public sealed class AgentAuditViewTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private sealed record AuditRow(
        string AgentId, string Source, long SequenceNr, DateTimeOffset OccurredAt, string Event, string? Reason, string Payload);

    private static string NewSchema() => "s_" + Guid.NewGuid().ToString("N")[..12];

    private async Task<string> MigratedSchemaAsync()
    {
        var schema = NewSchema();
        await PostgreSqlPersistence.CreateMigrator(database.DataSource, schema).MigrateAsync();
        return schema;
    }

    private Task WriteAsync(string schema, string persistenceId, long sequenceNr, string manifest, string payload, int minute, bool deleted = false) =>
        Stores.ExecuteAsync(database.DataSource, $"""
            INSERT INTO {schema}.journal (persistence_id, sequence_nr, manifest, version, payload, writer, created_at, deleted)
            VALUES ($1, $2, $3, 1, $4::jsonb, 'node-1', $5, $6)
            """, persistenceId, sequenceNr, manifest, payload, Start.AddMinutes(minute), deleted);

    private async Task<List<AuditRow>> ReadAsync(string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }

        return rows;
    }

    private Task<List<AuditRow>> AuditAsync(string schema, string agentId) => ReadAsync($"""
        SELECT agent_id, source, sequence_nr, occurred_at, event, reason, payload::text
        FROM {schema}.agent_audit WHERE agent_id = $1 ORDER BY ordering
        """, agentId);

    private async Task<string> SchemaWithOneAgentAsync()
    {
        var schema = await MigratedSchemaAsync();
        await WriteAsync(schema, "agent-registry", 1, "agents.agent-defined", """{"agentId": "monitor-1", "definition": {"id": "monitor-1"}}""", 0);
        await WriteAsync(schema, "agent-registry", 2, "agents.agent-activated", """{"agentId": "monitor-1"}""", 1);
        await WriteAsync(schema, "agent-monitor-1", 1, "training.early-stop-decided", """{"epoch": 12, "reason": "val_loss rose 3 epochs in a row"}""", 2);
        await WriteAsync(schema, "agent-registry", 3, "agents.agent-restart-requested", """{"agentId": "monitor-1", "reason": "silent for 45s"}""", 3);
        await WriteAsync(schema, "agent-monitor-1", 2, "training.checkpoint-noted", """{"epoch": 13}""", 4);
        return schema;
    }

    [Fact]
    public async Task The_audit_of_an_agent_holds_its_own_events_and_the_coordinators_events_about_it()
    {
        var schema = await SchemaWithOneAgentAsync();

        var rows = await AuditAsync(schema, "monitor-1");

        Assert.Equal(
            [("coordinator", "agents.agent-defined"), ("coordinator", "agents.agent-activated"), ("agent", "training.early-stop-decided"),
             ("coordinator", "agents.agent-restart-requested"), ("agent", "training.checkpoint-noted")],
            rows.Select(r => (r.Source, r.Event)));
    }

    [Fact]
    public async Task An_audit_row_shows_when_the_event_was_written_and_its_sequence_number()
    {
        var schema = await SchemaWithOneAgentAsync();

        var row = (await AuditAsync(schema, "monitor-1"))[2];

        Assert.Equal(Start.AddMinutes(2), row.OccurredAt);
        Assert.Equal(1, row.SequenceNr);
        Assert.Contains("\"epoch\": 12", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reason_of_an_event_is_shown_when_its_payload_has_one()
    {
        var schema = await SchemaWithOneAgentAsync();

        var reasons = (await AuditAsync(schema, "monitor-1")).Select(r => r.Reason);

        Assert.Equal([null, null, "val_loss rose 3 epochs in a row", "silent for 45s", null], reasons);
    }

    [Fact]
    public async Task Deleted_events_are_left_out()
    {
        var schema = await MigratedSchemaAsync();
        await WriteAsync(schema, "agent-a", 1, "e.old", "{}", 0, deleted: true);
        await WriteAsync(schema, "agent-a", 2, "e.kept", "{}", 1);
        await WriteAsync(schema, "agent-registry", 1, "agents.agent-defined", """{"agentId": "a"}""", 2, deleted: true);

        Assert.Equal(["e.kept"], (await AuditAsync(schema, "a")).Select(r => r.Event));
    }

    [Fact]
    public async Task Events_of_other_entities_are_not_in_the_audit()
    {
        var schema = await MigratedSchemaAsync();
        await WriteAsync(schema, "order-1", 1, "e.order", """{"agentId": "a"}""", 0);
        await WriteAsync(schema, "sharding/agent-recorder", 1, "e.shard", "{}", 1);
        await WriteAsync(schema, "agent-registry", 1, "agents.registry-compacted", """{"count": 3}""", 2);

        Assert.Equal(0, await Stores.ScalarAsync<long>(database.DataSource, $"SELECT count(*) FROM {schema}.agent_audit"));
    }

    [Fact]
    public async Task The_audit_of_one_agent_by_function_equals_its_rows_in_the_view()
    {
        var schema = await SchemaWithOneAgentAsync();
        await WriteAsync(schema, "agent-other", 1, "e.other", "{}", 5);

        var byFunction = await ReadAsync($"""
            SELECT agent_id, source, sequence_nr, occurred_at, event, reason, payload::text
            FROM {schema}.agent_audit_of($1) ORDER BY ordering
            """, "monitor-1");

        Assert.Equal(await AuditAsync(schema, "monitor-1"), byFunction);
    }

    [Fact]
    public async Task The_coordinator_journal_is_not_the_audit_of_an_agent_named_registry()
    {
        var schema = await SchemaWithOneAgentAsync();

        Assert.Empty(await ReadAsync($"""
            SELECT agent_id, source, sequence_nr, occurred_at, event, reason, payload::text FROM {schema}.agent_audit_of('registry')
            """));
    }

    [Fact]
    public async Task The_activity_of_an_agent_summarises_its_audit()
    {
        var schema = await SchemaWithOneAgentAsync();

        await using var command = database.DataSource.CreateCommand($"""
            SELECT first_event_at, last_event_at, events, agent_events, coordinator_events, restarts_requested, last_event, last_reason
            FROM {schema}.agent_activity WHERE agent_id = 'monitor-1'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(Start, reader.GetFieldValue<DateTimeOffset>(0));
        Assert.Equal(Start.AddMinutes(4), reader.GetFieldValue<DateTimeOffset>(1));
        Assert.Equal((5L, 2L, 3L, 1L), (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        Assert.Equal("training.checkpoint-noted", reader.GetString(6));
        Assert.Equal("silent for 45s", reader.GetString(7));
    }

    [Fact]
    public async Task Events_written_through_the_journal_appear_in_the_audit()
    {
        var schema = NewSchema();
        await using var store = await Stores.StartAsync(database, new() { Schema = schema });
        await store.Journal.WriteMessagesAsync([Stores.Write("agent-writer-1", 1, "decided"), Stores.Write("agent-writer-1", 2, "acted")]);

        Assert.Equal([1L, 2L], (await AuditAsync(schema, "writer-1")).Select(r => r.SequenceNr));
    }
}
