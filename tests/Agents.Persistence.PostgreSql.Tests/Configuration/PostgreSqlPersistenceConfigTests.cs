using Agents.Hocon;
using Agents.Persistence.PostgreSql.Configuration;

namespace Agents.Persistence.PostgreSql.Tests.Configuration;

public sealed class PostgreSqlPersistenceConfigTests
{
    [Fact]
    public void Reference_conf_holds_the_same_defaults_as_the_options_class()
    {
        var bound = PostgreSqlPersistenceConfig.Bind(Config.Empty);
        var defaults = new PostgreSqlPersistenceOptions();

        Assert.Equivalent(defaults, bound, strict: true);
    }

    [Fact]
    public void Application_settings_override_the_reference()
    {
        var bound = PostgreSqlPersistenceConfig.Bind(Config.Parse("""
            agents.persistence.postgresql {
              connection-string = "Host=db;Database=agents"
              schema = billing
              apply-migrations = off
              write-batch-window = 2ms
              max-write-batch-size = 250
              query-page-size = 50
              live-poll-interval = 5 seconds
              min-notification-interval = 0ms
              notification-channel = billing_changes
            }
            """));

        Assert.Equivalent(
            new PostgreSqlPersistenceOptions
            {
                ConnectionString = "Host=db;Database=agents", Schema = "billing", ApplyMigrations = false,
                WriteBatchWindow = TimeSpan.FromMilliseconds(2), MaxWriteBatchSize = 250, QueryPageSize = 50,
                LivePollInterval = TimeSpan.FromSeconds(5), MinNotificationInterval = TimeSpan.Zero,
                NotificationChannel = "billing_changes",
            },
            bound,
            strict: true);
    }

    [Fact]
    public void Wrong_type_names_the_file_line_and_setting()
    {
        var config = Config.Parse(
            "agents.persistence.postgresql.live-poll-interval = often",
            new HoconParseOptions { Origin = "application.conf" });

        var error = Assert.ThrowsAny<HoconException>(() => PostgreSqlPersistenceConfig.Bind(config));

        Assert.Contains("application.conf:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("agents.persistence.postgresql.live-poll-interval", error.Message, StringComparison.Ordinal);
    }
}
