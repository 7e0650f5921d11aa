using System.Globalization;
using Agents.Hocon;
using Microsoft.Extensions.Configuration;

namespace Agents.Persistence.PostgreSql.Configuration;

/// <summary>
/// Binds <see cref="PostgreSqlPersistenceOptions"/> from the <see cref="IConfiguration"/> section
/// <c>agents:persistence:postgresql</c>, with the keys of <c>reference.conf</c> (<c>write-batch-window</c>) or the
/// property names (<c>WriteBatchWindow</c>, handy in environment variables). Durations are HOCON durations
/// (<c>5ms</c>, <c>1s</c>) or <see cref="TimeSpan"/> text (<c>00:00:01</c>). Keys that are absent keep their value.
/// </summary>
internal static class PostgreSqlPersistenceConfigurationBinder
{
    /// <summary>The section's path in <see cref="IConfiguration"/> terms.</summary>
    public static readonly string SectionPath = PostgreSqlPersistenceConfig.Section.Replace('.', ':');

    /// <exception cref="InvalidOperationException">A value cannot be read; the message names the key, the value and the fix.</exception>
    public static void Bind(IConfiguration configuration, PostgreSqlPersistenceOptions options)
    {
        var section = configuration.GetSection(SectionPath);
        if (Read(section, "connection-string", nameof(options.ConnectionString)) is { } connectionString)
        {
            options.ConnectionString = connectionString.Value.Length == 0 ? null : connectionString.Value;
        }

        if (Read(section, "schema", nameof(options.Schema)) is { } schema)
        {
            options.Schema = schema.Value;
        }

        if (Read(section, "apply-migrations", nameof(options.ApplyMigrations)) is { } migrations)
        {
            options.ApplyMigrations = ToBoolean(migrations);
        }

        if (Read(section, "write-batch-window", nameof(options.WriteBatchWindow)) is { } window)
        {
            options.WriteBatchWindow = ToDuration(window);
        }

        if (Read(section, "max-write-batch-size", nameof(options.MaxWriteBatchSize)) is { } batch)
        {
            options.MaxWriteBatchSize = ToInt(batch);
        }

        if (Read(section, "query-page-size", nameof(options.QueryPageSize)) is { } page)
        {
            options.QueryPageSize = ToInt(page);
        }

        if (Read(section, "live-poll-interval", nameof(options.LivePollInterval)) is { } poll)
        {
            options.LivePollInterval = ToDuration(poll);
        }

        if (Read(section, "min-notification-interval", nameof(options.MinNotificationInterval)) is { } notification)
        {
            options.MinNotificationInterval = ToDuration(notification);
        }

        if (Read(section, "notification-channel", nameof(options.NotificationChannel)) is { } channel)
        {
            options.NotificationChannel = channel.Value.Length == 0 ? null : channel.Value;
        }
    }

    private static Setting? Read(IConfigurationSection section, string key, string property)
    {
        foreach (var name in (ReadOnlySpan<string>)[key, property])
        {
            var child = section.GetSection(name);
            if (child.Value is { } value)
            {
                return new Setting(child.Path, value.Trim());
            }
        }

        return null;
    }

    private static bool ToBoolean(Setting setting) => setting.Value.ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw setting.Invalid("a boolean", "write true or false (HOCON also accepts on/off, yes/no)"),
    };

    private static int ToInt(Setting setting) =>
        int.TryParse(setting.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw setting.Invalid("a whole number", "write digits only, e.g. 1000");

    private static TimeSpan ToDuration(Setting setting) =>
        HoconDuration.TryParse(setting.Value, out var value) ||
        TimeSpan.TryParseExact(setting.Value, "c", CultureInfo.InvariantCulture, out value)
            ? value
            : throw setting.Invalid("a duration", "write e.g. 5ms, 1s, 2 minutes or 00:00:01");

    private sealed record Setting(string Path, string Value)
    {
        public InvalidOperationException Invalid(string expected, string fix) =>
            new($"Configuration value '{Path}' is '{Value}', which is not {expected}; {fix}.");
    }
}
