using Agents.Persistence.Adapters;
using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;
using Agents.Persistence.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Configuration;

/// <summary>Registers the PostgreSQL store with a <see cref="IServiceCollection"/>.</summary>
public static class PostgreSqlPersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlPersistence"/> (and its <see cref="IJournal"/>, <see cref="ISnapshotStore"/>,
    /// <see cref="PostgreSqlReadJournal"/>, <see cref="ITopicLog"/> and <see cref="ITopicSubscriptionStore"/>) as
    /// singletons, with <see cref="PostgreSqlPersistenceOptions"/> bound from
    /// the section <c>agents:persistence:postgresql</c> of <paramref name="configuration"/> (the keys of the
    /// library's <c>reference.conf</c>) and validated. The store needs an <see cref="IEventSerializer"/> in the
    /// container; it uses the registered <see cref="IWriteEventAdapter"/>s, <see cref="TimeProvider"/> and
    /// <see cref="ILoggerFactory"/> when there are any. The connection pool is the registered
    /// <see cref="NpgsqlDataSource"/>, or else one built from the <c>connection-string</c> setting.
    /// </summary>
    /// <remarks>
    /// The store starts, and migrates the schema, when it is first resolved; resolve it at startup, where waiting
    /// for the database is expected.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration, e.g. HOCON through <c>AddHoconFile</c>.</param>
    /// <param name="configure">Changes the bound options before they are validated.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPostgreSqlPersistence(
        this IServiceCollection services, IConfiguration configuration, Action<PostgreSqlPersistenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<PostgreSqlPersistenceOptions>()
            .Configure(o => PostgreSqlPersistenceConfigurationBinder.Bind(configuration, o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlPersistenceOptions>, PostgreSqlPersistenceOptionsValidator>());
        services.TryAddSingleton(CreateDataSource);
        services.TryAddSingleton(Start);
        services.TryAddSingleton<IJournal>(provider => provider.GetRequiredService<PostgreSqlPersistence>().Journal);
        services.TryAddSingleton<ISnapshotStore>(provider => provider.GetRequiredService<PostgreSqlPersistence>().SnapshotStore);
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgreSqlPersistence>().ReadJournal);
        services.TryAddSingleton<ITopicLog>(provider => provider.GetRequiredService<PostgreSqlPersistence>().TopicLog);
        services.TryAddSingleton<ITopicSubscriptionStore>(provider => provider.GetRequiredService<PostgreSqlPersistence>().TopicLog);
        return services;
    }

    private static NpgsqlDataSource CreateDataSource(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PostgreSqlPersistenceOptions>>().Value;
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"{PostgreSqlPersistenceConfig.Section}.connection-string is not set, and no NpgsqlDataSource is " +
                "registered. Set it (e.g. 'Host=db;Port=5432;Database=agents;Username=agents;Password=...'), or register " +
                "an NpgsqlDataSource before calling AddPostgreSqlPersistence.");
        }

        return NpgsqlDataSource.Create(options.ConnectionString);
    }

    // DI factories are synchronous; the store is resolved once, at startup, with no synchronization context to block.
    private static PostgreSqlPersistence Start(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PostgreSqlPersistenceOptions>>().Value;
        var serializer = provider.GetService<IEventSerializer>() ?? throw new InvalidOperationException(
            "The PostgreSQL store needs an IEventSerializer in the container; register one before resolving it, e.g. " +
            "services.AddSingleton<IEventSerializer>(new JsonEventSerializer(ManifestRegistry.FromAssemblies(typeof(MyEvent).Assembly))).");
        return PostgreSqlPersistence.StartAsync(
                provider.GetRequiredService<NpgsqlDataSource>(), serializer, options,
                provider.GetServices<IWriteEventAdapter>(), provider.GetService<TimeProvider>(),
                provider.GetService<ILoggerFactory>())
            .GetAwaiter().GetResult();
    }
}
