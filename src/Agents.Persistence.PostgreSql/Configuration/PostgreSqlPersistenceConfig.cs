using Agents.Hocon;

namespace Agents.Persistence.PostgreSql.Configuration;

/// <summary>
/// Reads <see cref="PostgreSqlPersistenceOptions"/> from the HOCON section <c>agents.persistence.postgresql</c>,
/// over the library's embedded <c>reference.conf</c>, which documents every setting.
/// </summary>
/// <example>
/// <code>
/// var options = PostgreSqlPersistenceConfig.Bind(Config.ParseFile("application.conf"));
/// </code>
/// </example>
public static class PostgreSqlPersistenceConfig
{
    /// <summary>The configuration path of the section.</summary>
    public const string Section = "agents.persistence.postgresql";

    /// <summary>The library's defaults: its embedded <c>reference.conf</c>, unresolved so that it can be a fallback.</summary>
    public static Config Reference { get; } = Config.ParseResource(
        typeof(PostgreSqlPersistenceConfig).Assembly, "reference.conf", new HoconParseOptions { Resolve = false });

    /// <summary>
    /// Binds the section of <paramref name="config"/> (an application configuration, unresolved or resolved) over
    /// <see cref="Reference"/>. The result is not validated yet; the store validates it when it starts.
    /// </summary>
    /// <exception cref="HoconException">A setting has the wrong type; the message names the file, line and path.</exception>
    public static PostgreSqlPersistenceOptions Bind(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(Reference).Resolve();
        return new PostgreSqlPersistenceOptions
        {
            ConnectionString = EmptyAsNull(merged.GetString(Path("connection-string"))),
            Schema = merged.GetString(Path("schema")),
            ApplyMigrations = merged.GetBoolean(Path("apply-migrations")),
            WriteBatchWindow = merged.GetDuration(Path("write-batch-window")),
            MaxWriteBatchSize = merged.GetInt(Path("max-write-batch-size")),
            QueryPageSize = merged.GetInt(Path("query-page-size")),
            LivePollInterval = merged.GetDuration(Path("live-poll-interval")),
            MinNotificationInterval = merged.GetDuration(Path("min-notification-interval")),
            NotificationChannel = EmptyAsNull(merged.GetString(Path("notification-channel"))),
        };
    }

    private static string Path(string key) => $"{Section}.{key}";

    private static string? EmptyAsNull(string value) => value.Length == 0 ? null : value;
}
