using Agents.Hocon.Configuration;
using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Configuration;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agents.Persistence.PostgreSql.Tests.Configuration;

public sealed class PostgreSqlPersistenceServiceCollectionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static ServiceProvider Build(string hocon, bool withSerializer = true)
    {
        var configuration = new ConfigurationBuilder().AddHocon(hocon).Build();
        var services = new ServiceCollection();
        if (withSerializer)
        {
            services.AddSingleton<IEventSerializer>(PersistenceSpec.Serializer);
        }

        return services.AddPostgreSqlPersistence(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Journal_from_the_container_writes_to_the_configured_database_and_schema()
    {
        await using var provider = Build($$"""
            agents.persistence.postgresql { connection-string = "{{database.ConnectionString}}", schema = di_bound, write-batch-window = 1ms }
            """);
        var journal = provider.GetRequiredService<IJournal>();

        Assert.Null((await journal.WriteMessagesAsync([Stores.Write("di-1", 1, "bound")]))[0]);
        Assert.Equal(1L, await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT count(*) FROM di_bound.journal WHERE persistence_id = 'di-1'"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), provider.GetRequiredService<IOptions<PostgreSqlPersistenceOptions>>().Value.WriteBatchWindow);
    }

    [Fact]
    public async Task Topic_log_and_subscription_store_from_the_container_are_the_stores_topic_log()
    {
        await using var provider = Build($$"""
            agents.persistence.postgresql { connection-string = "{{database.ConnectionString}}", schema = di_topics }
            """);
        var log = provider.GetRequiredService<ITopicLog>();

        Assert.Same(provider.GetRequiredService<PostgreSqlPersistence>().TopicLog, log);
        Assert.Same(log, provider.GetRequiredService<ITopicSubscriptionStore>());
        await log.AppendAsync([new TopicRecord("di.topic", new SpecEvent("x"), "p")]);
        Assert.Equal(1L, await Stores.ScalarAsync<long>(database.DataSource, "SELECT count(*) FROM di_topics.topic_events"));
    }

    [Fact]
    public async Task Property_names_bind_too_as_environment_variables_would_give_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AGENTS:PERSISTENCE:POSTGRESQL:MAXWRITEBATCHSIZE"] = "64" })
            .Build();
        await using var provider = new ServiceCollection().AddPostgreSqlPersistence(configuration).BuildServiceProvider();

        Assert.Equal(64, provider.GetRequiredService<IOptions<PostgreSqlPersistenceOptions>>().Value.MaxWriteBatchSize);
    }

    [Fact]
    public async Task Invalid_setting_fails_at_resolution_naming_the_setting_value_and_fix()
    {
        await using var provider = Build("agents.persistence.postgresql { connection-string = \"Host=x\", query-page-size = 0 }");

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IJournal>());

        Assert.Contains(
            "agents.persistence.postgresql.query-page-size (PostgreSqlPersistenceOptions.QueryPageSize) is 0; set it between 1 and 100000",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_value_names_the_key_and_the_value()
    {
        await using var provider = Build("agents.persistence.postgresql.write-batch-window = soon");

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<PostgreSqlPersistenceOptions>>().Value);

        Assert.Contains("'agents:persistence:postgresql:write-batch-window' is 'soon', which is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_connection_string_is_a_clear_error()
    {
        await using var provider = Build("agents.persistence.postgresql.schema = agents");

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IJournal>());

        Assert.Contains("agents.persistence.postgresql.connection-string is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_serializer_is_a_clear_error()
    {
        await using var provider = Build($"agents.persistence.postgresql.connection-string = \"{database.ConnectionString}\"", withSerializer: false);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IJournal>());

        Assert.Contains(nameof(IEventSerializer), error.Message, StringComparison.Ordinal);
    }
}
