using Agents.Actors;
using Agents.EmbeddedPostgres;
using Agents.Hocon;
using Agents.Library;
using Agents.Node.Configuration;
using Agents.Node.Story;
using Agents.Persistence.Actors;
using Agents.Persistence.PostgreSql;
using Agents.Persistence.PostgreSql.Configuration;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;
using Agents.Platform.Topics;
using Agents.Platform.Workflows;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Agents.Node.Hosting;

/// <summary>
/// The node's runtime, started by the host before the management API listens and stopped after it: the
/// database (the configured one, or the embedded server in <c>&lt;data-dir&gt;/postgres</c>), the PostgreSQL
/// store (which migrates the schema), and the actor system with persistence attached. Stopping runs the actor
/// system's coordinated shutdown, then disposes the store and stops the embedded server.
/// </summary>
public sealed partial class NodeRuntime : IHostedService, IAsyncDisposable
{
    private readonly NodeOptions _options;
    private readonly Config _config;
    private readonly IEventSerializer _serializer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly AgentTypeRegistry _agentTypes;
    private readonly StoryWriter _story;
    private PostgresServer? _embedded;
    private NpgsqlDataSource? _dataSource;
    private PostgreSqlPersistence? _store;
    private ActorSystem? _system;
    private AgentPlatform? _agents;
    private int _stopped;

    /// <summary>Creates the runtime; nothing starts until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The node's settings.</param>
    /// <param name="configuration">The merged configuration; its <c>agents</c> section configures the actor system and the store.</param>
    /// <param name="serializer">
    /// The serializer of the application's events and snapshots (by default none). The runtime adds the platform's
    /// own events (<see cref="LayeredEventSerializer"/>) and JSON documents (<see cref="JsonPayloadSerializer"/>).
    /// </param>
    /// <param name="agentTypes">The agent types the node runs (by default the library's types and the built-in <c>recorder</c>).</param>
    /// <param name="loggerFactory">Where the runtime and the actor system log.</param>
    /// <param name="lifetime">Stopped when the actor system terminates by itself, so that the process does not outlive it.</param>
    /// <param name="story">Where the story of the agents goes when <c>agents.node.story</c> is on.</param>
    public NodeRuntime(
        IOptions<NodeOptions> options, IConfiguration configuration, IEventSerializer serializer, AgentTypeRegistry agentTypes,
        ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime, StoryWriter story)
    {
        ArgumentNullException.ThrowIfNull(story);
        _story = story;
        _lifetime = lifetime;
        ArgumentNullException.ThrowIfNull(agentTypes);
        _agentTypes = agentTypes;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        _options = options.Value;
        _config = NodeConfiguration.ToHocon(configuration);
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = new JsonPayloadSerializer(new LayeredEventSerializer(
            new JsonEventSerializer(ManifestRegistry.FromAssemblies(typeof(AgentDefinition).Assembly, typeof(AgentLibrary).Assembly)), serializer));
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger("Agents.Node");
    }

    /// <summary>The actor system, once started.</summary>
    /// <exception cref="InvalidOperationException">The runtime has not started.</exception>
    public ActorSystem System => _system ?? throw NotStarted();

    /// <summary>
    /// The serializer of the node's store: the registered one, plus <see cref="JsonPayload"/> documents (manifest
    /// <c>json</c>), which the management API publishes.
    /// </summary>
    public IEventSerializer Serializer => _serializer;

    /// <summary>The PostgreSQL store (journal, snapshots, queries), once started.</summary>
    /// <exception cref="InvalidOperationException">The runtime has not started.</exception>
    public PostgreSqlPersistence Store => _store ?? throw NotStarted();

    /// <summary>The database's connection pool, once started.</summary>
    /// <exception cref="InvalidOperationException">The runtime has not started.</exception>
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotStarted();

    /// <summary>Whether the runtime has started: the database connected and the actor system created.</summary>
    public bool IsStarted => _system is not null;

    /// <summary>The node's agents: defined, started and driven through the coordinator.</summary>
    /// <exception cref="InvalidOperationException">The node has not started its agents yet.</exception>
    public AgentPlatform Agents => _agents ?? throw new InvalidOperationException(
        "The node's agents are not started yet; they start after the database and the actor system.");

    /// <summary>Whether the coordinator has recovered and started the agents (and the workflow rules run).</summary>
    public bool AgentsStarted => _agents is not null;

    /// <summary>Whether the actor system has started and not yet terminated.</summary>
    public bool IsRunning => _system is { WhenTerminated.IsCompleted: false };

    /// <summary>The embedded PostgreSQL server, or null when a connection string is configured.</summary>
    public PostgresServer? EmbeddedServer => _embedded;

    /// <summary>
    /// Whether the node tells the story of its agents (<c>agents.node.story</c>): known once started; the story teller
    /// subscribes before the agents start, so that it misses none of their first events.
    /// </summary>
    public bool TellsStory { get; private set; }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Starts the database, the store and the actor system, logging one line per step.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Read first, so that a bad value stops the start before the database does.
            TellsStory = StorySettings.IsEnabled(_config);
            var storeOptions = PostgreSqlPersistenceConfig.Bind(_config);
            var connectionString = storeOptions.ConnectionString;
            if (string.IsNullOrEmpty(connectionString))
            {
                var directory = Path.Combine(Path.GetFullPath(_options.DataDir), "postgres");
                _embedded = await new PostgresLauncher(new PostgresLauncherOptions
                {
                    DataDirectory = directory,
                    Logger = _loggerFactory.CreateLogger("Agents.EmbeddedPostgres"),
                }).StartAsync(cancellationToken).ConfigureAwait(false);
                connectionString = _embedded.ConnectionString;
                LogEmbedded(_log, directory, _embedded.Port);
            }
            else
            {
                LogExternal(_log, new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString);
            }

            _dataSource = NpgsqlDataSource.Create(connectionString);
            _store = await PostgreSqlPersistence.StartAsync(
                _dataSource, _serializer, storeOptions, timeProvider: TimeProvider.System, loggerFactory: _loggerFactory,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            SchemaVersion = await PostgreSqlPersistence.CreateMigrator(_dataSource, storeOptions.Schema)
                .ReadVersionAsync(cancellationToken).ConfigureAwait(false);
            LogSchema(_log, storeOptions.Schema, SchemaVersion);

            _system = ActorSystem.Create(_options.Name, _config, TimeProvider.System, _loggerFactory);
            _system.AddPersistence(_store.Journal, _store.SnapshotStore, PersistenceOptions(_config), _serializer);
            _system.AddTopicService(_store.TopicLog, _store.TopicLog);
            if (TellsStory)
            {
                StoryTeller.Start(_system, _story);
            }

            LogSystemStarted(_log, _system.Name);
            await StartAgentsAsync(_system, cancellationToken).ConfigureAwait(false);
            _ = _system.WhenTerminated.ContinueWith(
                _ => _lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        catch
        {
            await StopCoreAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs the coordinated shutdown (the actor system terminates), disposes the store and stops the embedded server.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => StopCoreAsync();

    /// <summary>
    /// Starts the coordinator (which recovers the journaled definitions, applies those of <c>agents.definitions</c> and
    /// starts the active agents), then the workflow rules, which are checked against every agent the node knows.
    /// </summary>
    private async Task StartAgentsAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        var agents = system.AddAgentPlatform(_agentTypes);
        var known = await agents.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        system.AddWorkflows(agents, [.. known.Select(agent => agent.Definition)], _agentTypes);
        _agents = agents;
        LogAgentsStarted(_log, known.Count(agent => agent.Definition.Active), known.Count, string.Join(", ", _agentTypes.Names));
    }

    /// <summary>Stops, as <see cref="StopAsync"/> does, if that has not happened yet.</summary>
    public async ValueTask DisposeAsync() => await StopCoreAsync().ConfigureAwait(false);

    private async Task StopCoreAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        if (_system is not null)
        {
            await _system.CoordinatedShutdown.Run(new CoordinatedShutdownReason("host stopping")).ConfigureAwait(false);
            LogSystemTerminated(_log, _system.Name);
        }

        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        if (_embedded is not null)
        {
            await _embedded.StopAsync(CancellationToken.None).ConfigureAwait(false);
            LogEmbeddedStopped(_log, _embedded.Port);
        }
    }

    private static PersistenceOptions PersistenceOptions(Config config)
    {
        var merged = config.Resolve();
        return new PersistenceOptions
        {
            RecoveryTimeout = merged.GetDuration("agents.persistence.recovery-timeout", Persistence.Actors.PersistenceOptions.Default.RecoveryTimeout),
        };
    }

    private static InvalidOperationException NotStarted() =>
        new("The node runtime has not started yet; it starts with the host (await app.StartAsync()).");

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL: embedded server in {Directory} on port {Port}")]
    private static partial void LogEmbedded(ILogger logger, string directory, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL: {ConnectionString}")]
    private static partial void LogExternal(ILogger logger, string connectionString);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL: schema '{Schema}' at version {Version}")]
    private static partial void LogSchema(ILogger logger, string schema, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "actor system '{Name}' started")]
    private static partial void LogSystemStarted(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "agents: {Active} active of {Defined} defined (types: {Types})")]
    private static partial void LogAgentsStarted(ILogger logger, int active, int defined, string types);

    [LoggerMessage(Level = LogLevel.Information, Message = "actor system '{Name}' terminated")]
    private static partial void LogSystemTerminated(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL: embedded server on port {Port} stopped")]
    private static partial void LogEmbeddedStopped(ILogger logger, int port);
}
