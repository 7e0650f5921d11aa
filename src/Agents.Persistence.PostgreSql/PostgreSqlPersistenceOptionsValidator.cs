using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Agents.Persistence.PostgreSql;

/// <summary>
/// Validates <see cref="PostgreSqlPersistenceOptions"/>; each message names the setting (its configuration path and
/// property), its value and the fix.
/// </summary>
public sealed partial class PostgreSqlPersistenceOptionsValidator : IValidateOptions<PostgreSqlPersistenceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlPersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                // The value is left out: it may hold a password.
                failures.Add(
                    $"{Setting("connection-string", nameof(options.ConnectionString))} is not a valid Npgsql connection " +
                    $"string ({e.Message}); write it as 'Host=db;Port=5432;Database=agents;Username=agents;Password=...'.");
            }
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add(
                $"{Setting("schema", nameof(options.Schema))} is '{options.Schema}'; it must be a lower-case SQL " +
                "identifier (a letter or underscore, then letters, digits or underscores) of at most 40 characters, " +
                "e.g. 'agents'.");
        }

        if (options.MaxWriteBatchSize is < 1 or > 100_000)
        {
            failures.Add(
                $"{Setting("max-write-batch-size", nameof(options.MaxWriteBatchSize))} is {options.MaxWriteBatchSize}; " +
                "set it between 1 and 100000 events (default 1000).");
        }

        if (options.WriteBatchWindow < TimeSpan.Zero || options.WriteBatchWindow > TimeSpan.FromSeconds(1))
        {
            failures.Add(
                $"{Setting("write-batch-window", nameof(options.WriteBatchWindow))} is {options.WriteBatchWindow}; " +
                "set it between 0 and 1 second (default 0, which still batches concurrent writes).");
        }

        if (options.QueryPageSize is < 1 or > 100_000)
        {
            failures.Add(
                $"{Setting("query-page-size", nameof(options.QueryPageSize))} is {options.QueryPageSize}; set it " +
                "between 1 and 100000 rows (default 500).");
        }

        if (options.LivePollInterval < TimeSpan.FromMilliseconds(10) || options.LivePollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add(
                $"{Setting("live-poll-interval", nameof(options.LivePollInterval))} is {options.LivePollInterval}; " +
                "set it between 10 ms and 10 minutes (default 1 second).");
        }

        if (options.MinNotificationInterval < TimeSpan.Zero || options.MinNotificationInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add(
                $"{Setting("min-notification-interval", nameof(options.MinNotificationInterval))} is " +
                $"{options.MinNotificationInterval}; set it between 0 and 1 second (default 2 ms).");
        }

        if (!string.IsNullOrEmpty(options.NotificationChannel) && !ChannelName().IsMatch(options.NotificationChannel))
        {
            failures.Add(
                $"{Setting("notification-channel", nameof(options.NotificationChannel))} is " +
                $"'{options.NotificationChannel}'; it must be a SQL identifier (a letter or underscore, then letters, " +
                "digits or underscores) of at most 63 characters, or empty for '<schema>_journal_changes'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(PostgreSqlPersistenceOptions options)
    {
        var result = new PostgreSqlPersistenceOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                nameof(PostgreSqlPersistenceOptions), typeof(PostgreSqlPersistenceOptions), result.Failures);
        }
    }

    private static string Setting(string key, string property) =>
        $"{Configuration.PostgreSqlPersistenceConfig.Section}.{key} ({nameof(PostgreSqlPersistenceOptions)}.{property})";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex SchemaName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex ChannelName();
}
