using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agents.Persistence.PostgreSql;

/// <summary>
/// Validates <see cref="PostgreSqlPersistenceOptions"/>; each message names the setting, its value and the fix.
/// </summary>
public sealed partial class PostgreSqlPersistenceOptionsValidator : IValidateOptions<PostgreSqlPersistenceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlPersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add(
                $"PostgreSqlPersistenceOptions.Schema is '{options.Schema}'; it must be a lower-case SQL identifier " +
                "(a letter or underscore, then letters, digits or underscores) of at most 40 characters, e.g. 'agents'.");
        }

        if (options.MaxWriteBatchSize is < 1 or > 100_000)
        {
            failures.Add(
                $"PostgreSqlPersistenceOptions.MaxWriteBatchSize is {options.MaxWriteBatchSize}; set it between 1 and " +
                "100000 events (default 1000).");
        }

        if (options.WriteBatchWindow < TimeSpan.Zero || options.WriteBatchWindow > TimeSpan.FromSeconds(1))
        {
            failures.Add(
                $"PostgreSqlPersistenceOptions.WriteBatchWindow is {options.WriteBatchWindow}; set it between 0 and " +
                "1 second (default 0, which still batches concurrent writes).");
        }

        if (options.QueryPageSize is < 1 or > 100_000)
        {
            failures.Add(
                $"PostgreSqlPersistenceOptions.QueryPageSize is {options.QueryPageSize}; set it between 1 and 100000 " +
                "rows (default 500).");
        }

        if (options.LivePollInterval < TimeSpan.FromMilliseconds(10) || options.LivePollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add(
                $"PostgreSqlPersistenceOptions.LivePollInterval is {options.LivePollInterval}; set it between 10 ms " +
                "and 10 minutes (default 1 second).");
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

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex SchemaName();
}
