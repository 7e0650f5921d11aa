using Agents.Node.Configuration;
using Agents.Node.Hosting;
using Agents.Persistence.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Node.Tests;

/// <summary>A node running in this process on a test server (no port), configured by its own environment and switches.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
        Runtime = app.Services.GetRequiredService<NodeRuntime>();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public NodeRuntime Runtime { get; }

    public static string ConfigFile => Path.Combine(AppContext.BaseDirectory, "node.conf");

    public static WebApplication Build(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Build(environment, null, args);

    /// <summary>Builds a node with <paramref name="services"/> registered too (e.g. an agent directory).</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string> environment, Action<IServiceCollection>? services, params string[] args) =>
        Build(ConfigFile, environment, services, args);

    /// <summary>Builds a node that reads <paramref name="configFile"/> instead of the repository's node.conf.</summary>
    public static WebApplication Build(
        string configFile, IReadOnlyDictionary<string, string> environment, Action<IServiceCollection>? services, params string[] args)
    {
        var builder = NodeApplication.CreateBuilder(new NodeConfigurationSources
        {
            ConfigFile = configFile,
            Environment = environment,
            Args = args,
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IEventSerializer>(new JsonEventSerializer(ManifestRegistry.Create(typeof(CounterActor.Added))));
        services?.Invoke(builder.Services);
        return NodeApplication.Build(builder);
    }

    public static Task<TestNode> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartAsync(environment, null, args);

    public static Task<TestNode> StartAsync(
        IReadOnlyDictionary<string, string> environment, Action<IServiceCollection>? services, params string[] args) =>
        StartAsync(ConfigFile, environment, services, args);

    /// <summary>Starts a node that reads <paramref name="configFile"/> instead of the repository's node.conf.</summary>
    public static async Task<TestNode> StartAsync(
        string configFile, IReadOnlyDictionary<string, string> environment, Action<IServiceCollection>? services = null, params string[] args)
    {
        var app = Build(configFile, environment, services, args);
        try
        {
            await app.StartAsync();
            return new TestNode(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
