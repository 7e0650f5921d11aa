using Agents.TestKit.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests;

public sealed class PostgreSqlPersistenceOptionsTests
{
    private static string Failure(PostgreSqlPersistenceOptions options) =>
        Assert.Single(new PostgreSqlPersistenceOptionsValidator().Validate(null, options).Failures!);

    [Fact]
    public void Defaults_are_valid() =>
        Assert.True(new PostgreSqlPersistenceOptionsValidator().Validate(null, new PostgreSqlPersistenceOptions()).Succeeded);

    [Theory]
    [InlineData("Agents")]
    [InlineData("1st")]
    [InlineData("drop table;")]
    [InlineData("")]
    public void Schema_that_is_not_a_plain_identifier_is_refused(string schema) =>
        Assert.Contains("PostgreSqlPersistenceOptions.Schema", Failure(new() { Schema = schema }), StringComparison.Ordinal);

    [Fact]
    public void Batch_size_out_of_range_is_refused_naming_setting_value_and_range()
    {
        var message = Failure(new() { MaxWriteBatchSize = 0 });
        Assert.Contains(
            "agents.persistence.postgresql.max-write-batch-size (PostgreSqlPersistenceOptions.MaxWriteBatchSize) is 0",
            message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 100000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_window_is_refused() =>
        Assert.Contains("WriteBatchWindow", Failure(new() { WriteBatchWindow = TimeSpan.FromSeconds(-1) }), StringComparison.Ordinal);

    [Fact]
    public void Page_size_out_of_range_is_refused() =>
        Assert.Contains("QueryPageSize", Failure(new() { QueryPageSize = 0 }), StringComparison.Ordinal);

    [Fact]
    public void Poll_interval_too_short_is_refused() =>
        Assert.Contains("LivePollInterval", Failure(new() { LivePollInterval = TimeSpan.FromMilliseconds(1) }), StringComparison.Ordinal);

    [Fact]
    public void Notification_interval_over_a_second_is_refused() =>
        Assert.Contains(
            "min-notification-interval (PostgreSqlPersistenceOptions.MinNotificationInterval)",
            Failure(new() { MinNotificationInterval = TimeSpan.FromSeconds(2) }), StringComparison.Ordinal);

    [Fact]
    public void Malformed_connection_string_is_refused_without_echoing_it()
    {
        var message = Failure(new() { ConnectionString = "Host=db;Password=secret;Nonsense" });
        Assert.Contains("connection-string (PostgreSqlPersistenceOptions.ConnectionString) is not a valid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notification_channel_that_is_not_an_identifier_is_refused() =>
        Assert.Contains("notification-channel", Failure(new() { NotificationChannel = "journal changes" }), StringComparison.Ordinal);

    [Fact]
    public async Task Store_refuses_to_start_with_invalid_options()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PostgreSqlPersistence.StartAsync(
            dataSource, PersistenceSpec.Serializer, new PostgreSqlPersistenceOptions { MaxWriteBatchSize = -5, QueryPageSize = 0 }));
        Assert.Equal(2, error.Failures.Count());
    }
}
