using System.Net;
using Agents.Library;
using Agents.Node.Configuration;
using Agents.Node.Management;
using Agents.Node.Metrics;
using Agents.Node.Story;
using Agents.Persistence.Serialization;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Agents.Node.Hosting;

/// <summary>
/// Builds the node: a <see cref="WebApplication"/> whose configuration is the node's layered configuration,
/// with the <see cref="NodeRuntime"/> (database, store, actor system) and the management API.
/// </summary>
/// <example>
/// <code>
/// var builder = NodeApplication.CreateBuilder(new NodeConfigurationSources { Args = args });
/// await using var app = NodeApplication.Build(builder);
/// await app.RunAsync();
/// </code>
/// </example>
public static partial class NodeApplication
{
    /// <summary>
    /// A builder with the node's configuration layers (<see cref="NodeConfiguration.AddNodeConfiguration"/>), its
    /// options, the runtime and the management services. Register more services (an <see cref="IEventSerializer"/>
    /// for the events of your actors) or a test server on it before <see cref="Build"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(NodeConfigurationSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddNodeConfiguration(sources);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A failed start is reported once, by RunAsync, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);

        builder.Services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>();
        builder.Services.TryAddSingleton<IEventSerializer>(_ => new JsonEventSerializer(ManifestRegistry.Create()));
        builder.Services.TryAddSingleton(_ => AgentLibrary.Register(RecorderAgent.Register(new AgentTypeRegistry())));
        // Resolved per request: before the agents are started the property throws, and the agent routes answer 503.
        builder.Services.AddTransient<IAgentDirectory>(provider => provider.GetRequiredService<NodeRuntime>().Agents);
        builder.Services.AddSingleton<NodeRuntime>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<NodeRuntime>());
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddSingleton<StoreBrowser>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(provider => new StoryWriter(Console.Out, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

        var management = BindNodeOptions(builder.Configuration).Management;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (management.Port is < 0 or > 65535)
            {
                // The options validator refuses it with a clear message before the server starts.
                return;
            }

            if (string.Equals(management.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(management.Port);
            }
            else if (IPAddress.TryParse(management.Host, out var address))
            {
                kestrel.Listen(address, management.Port);
            }
        });
        return builder;
    }

    /// <summary>Builds the application and maps the management API.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // Created now, so that it counts from the start rather than from the first scrape.
        app.Services.GetRequiredService<PrometheusExporter>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ManagementTokenMiddleware>();

        app.MapHealthEndpoints();
        app.MapActorEndpoints();
        app.MapClusterEndpoints();
        app.MapMetricsEndpoints();
        app.MapJournalEndpoints();
        app.MapTopicEndpoints();
        app.MapAgentEndpoints();
        app.MapOpenApi();

        app.Lifetime.ApplicationStarted.Register(() => LogListening(app));
        return app;
    }

    /// <summary>Runs a node until SIGTERM or Ctrl-C; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(CreateBuilder(new NodeConfigurationSources { Args = args }));
        }
        catch (Exception e) when (e is FileNotFoundException or Agents.Hocon.HoconException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"agents node: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.RunAsync().ConfigureAwait(false);
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await Console.Error.WriteLineAsync($"agents node: invalid configuration:\n  {string.Join("\n  ", e.Failures)}").ConfigureAwait(false);
                return 1;
            }
            catch (Exception e) when (e is Agents.EmbeddedPostgres.PostgresLauncherException or Agents.Hocon.HoconException
                                          or Agents.Persistence.Journal.JournalStorageException or IOException
                                          or AgentDefinitionException or Agents.Platform.Workflows.WorkflowConfigurationException)
            {
                await Console.Error.WriteLineAsync($"agents node: could not start: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        }
    }

    /// <summary>Binds <see cref="NodeOptions"/> now, so that a value of the wrong type stops the node before anything starts.</summary>
    /// <exception cref="InvalidOperationException">A value cannot be converted; the message names the setting, the value and the fix.</exception>
    internal static NodeOptions BindNodeOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                $"{e.Message} Correct it where it is set: hocon/node.conf (which documents each setting), an AGENTS_* " +
                "environment variable or a switch.", e);
        }
    }

    private static void LogListening(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            LogManagementApi(app.Logger, string.Join(", ", addresses));
        }

        if (app.Services.GetRequiredService<NodeRuntime>().TellsStory)
        {
            var story = app.Services.GetRequiredService<StoryWriter>();
            foreach (var line in StoryDirections.Lines([.. addresses ?? []]))
            {
                story.Write(line);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "management API on {Addresses}")]
    private static partial void LogManagementApi(ILogger logger, string addresses);
}
