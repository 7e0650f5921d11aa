using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Agents.Actors;
using Agents.Node.Management;

namespace Agents.Node.Tests;

public sealed class ManagementApiTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private HttpClient Client => fixture.Node.Client;

    [Fact]
    public async Task Live_answers_200()
    {
        var response = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_200_when_the_database_and_the_actor_system_run()
    {
        var report = await Client.GetFromJsonAsync<HealthReport>(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal("ready", report!.Status);
        Assert.Equal("ok", report.Checks["database"]);
    }

    [Fact]
    public async Task The_actor_tree_holds_user_and_system_and_the_actors_under_them()
    {
        var actor = fixture.Node.Runtime.System.ActorOf(CounterActor.Props("tree-counter"), "tree-counter");

        var tree = await Client.GetFromJsonAsync<ActorTree>(new Uri("/api/actors", UriKind.Relative));

        Assert.Equal(["/user", "/system"], tree!.Roots.Select(root => root.Path));
        Assert.Contains(tree.Roots[0].Children, child => child.Path == "/user/tree-counter");
        fixture.Node.Runtime.System.Stop(actor);
    }

    [Fact]
    public async Task The_cluster_view_has_this_node_as_its_only_member_and_up()
    {
        var cluster = await Client.GetFromJsonAsync<ClusterState>(new Uri("/api/cluster", UriKind.Relative));

        var member = Assert.Single(cluster!.Members);
        Assert.Equal("up", member.Status);
        Assert.Equal(cluster.Self, member.Address);
    }

    [Fact]
    public async Task Stopping_an_actor_without_the_token_is_401_with_problem_details()
    {
        var response = await Client.DeleteAsync(new Uri("/api/actors/user/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stopping_an_actor_with_a_wrong_token_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/actors/user/anything");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stopping_an_actor_with_the_token_stops_it()
    {
        var system = fixture.Node.Runtime.System;
        var actor = system.ActorOf(CounterActor.Props("doomed"), "doomed");
        var watcher = system.ActorOf(Props.Create(() => new TerminationWatcher(actor)));
        var terminated = await watcher.Ask<TaskCompletionSource>(TerminationWatcher.Get.Instance);

        var response = await SendWithToken(HttpMethod.Delete, "/api/actors/user/doomed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await terminated.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Stopping_an_actor_that_does_not_exist_is_404()
    {
        var response = await SendWithToken(HttpMethod.Delete, "/api/actors/user/nobody-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stopping_a_guardian_is_a_bad_request()
    {
        var response = await SendWithToken(HttpMethod.Delete, "/api/actors/system");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_route_is_404_with_problem_details()
    {
        var response = await Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_routes()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/health/ready", out _));
    }

    private async Task<HttpResponseMessage> SendWithToken(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningNodeFixture.Token);
        return await Client.SendAsync(request);
    }

    /// <summary>Watches an actor and completes a task when it terminates.</summary>
    private sealed class TerminationWatcher : ReceiveActor
    {
        private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TerminationWatcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<Get>(_ => Sender.Tell(_terminated));
            Receive<Terminated>(_ => _terminated.TrySetResult());
        }

        public sealed record Get
        {
            public static Get Instance { get; } = new();
        }
    }
}
