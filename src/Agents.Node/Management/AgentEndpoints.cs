using System.Globalization;
using System.Text.Json;
using Agents.Library.Health;
using Agents.Node.Hosting;
using Agents.Platform.Agents;

namespace Agents.Node.Management;

/// <summary>
/// The agents of the platform for operators, over the <see cref="IAgentDirectory"/> registered in the node's services:
/// <c>GET /api/agents?type=&amp;status=</c>, <c>GET /api/agents/{id}?events=N</c> (with the agent's last journal events and its health score, when a health agent scored it),
/// <c>POST /api/agents</c> (define), <c>POST /api/agents/{id}/activate|deactivate|restart</c> and
/// <c>POST /api/agents/{id}/commands</c>. An unknown id is 404, a bad definition 400 naming the field, an id defined
/// already 409, a command the agent does not answer in time 504, and every route is 503 while no directory is
/// registered (the agents are not started). A command the agent refuses is still 200: the answer says
/// <c>"accepted": false</c> and why, since the request itself did what it should (the agent received it and answered).
/// </summary>
internal static class AgentEndpoints
{
    /// <summary>How many of an agent's last events <c>GET /api/agents/{id}</c> shows when <c>events</c> is not given.</summary>
    /// <value>20</value>
    public const int DefaultRecentEvents = 20;

    /// <summary>How long <c>POST /api/agents/{id}/commands</c> waits for the agent's answer when the body gives no timeout.</summary>
    /// <value>5 seconds: shorter than the console's default request timeout (10 s), so that it sees the 504.</value>
    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest a command request may wait for the agent's answer.</summary>
    /// <value>10 minutes: a command that runs longer should answer at once and report its progress on a topic.</value>
    public static readonly TimeSpan MaxCommandTimeout = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapAgentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var agents = endpoints.MapGroup("/api/agents").WithTags("agents");
        agents.MapGet("/", List)
            .WithSummary("The defined agents, by id; 'type' and 'status' (inactive, starting, running, restarting, failed) filter them.")
            .Produces<IReadOnlyList<AgentView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        agents.MapGet("/{id}", Show)
            .WithSummary($"One agent: definition, status, health and its last 'events' journal events (default {DefaultRecentEvents}).")
            .Produces<AgentView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        agents.MapPost("/", Define)
            .WithSummary("Defines an agent (and starts it when it is active).")
            .Accepts<AgentDefinitionDocument>("application/json")
            .Produces<AgentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        MapChange(agents, "activate", "Activates an agent: it starts, and starts again after node restarts.",
            (directory, id, cancellationToken) => directory.ActivateAsync(id, cancellationToken));
        MapChange(agents, "deactivate", "Deactivates an agent: it stops and stays defined as a slot.",
            (directory, id, cancellationToken) => directory.DeactivateAsync(id, cancellationToken));
        MapChange(agents, "restart", "Restarts an agent now (also one that failed too often); it rebuilds its state from its events.",
            (directory, id, cancellationToken) => directory.RestartAsync(id, cancellationToken));
        agents.MapPost("/{id}/commands", Tell)
            .WithSummary("Sends a command to an agent and returns its answer; 'accepted' says whether the agent carried it out.")
            .Accepts<AgentCommandRequest>("application/json")
            .Produces<AgentCommandResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
    }

    private static void MapChange(
        RouteGroupBuilder agents, string action, string summary, Func<IAgentDirectory, string, CancellationToken, Task<AgentInfo>> change)
    {
        agents.MapPost($"/{{id}}/{action}", (string id, HttpContext context, CancellationToken cancellationToken) =>
                GuardAsync(context, async directory =>
                    TypedResults.Ok(AgentView.From(await change(directory, id, cancellationToken).ConfigureAwait(false)))))
            .WithSummary(summary)
            .Produces<AgentView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static Task<IResult> List(string? type, string? status, HttpContext context, CancellationToken cancellationToken) =>
        GuardAsync(context, async directory =>
        {
            AgentStatus? wanted = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!TryParseStatus(status, out var parsed))
                {
                    return BadQuery("status", status, $"give one of {string.Join(", ", StatusNames)} (in any case), or leave it out for all");
                }

                wanted = parsed;
            }

            var agents = await directory.ListAsync(string.IsNullOrEmpty(type) ? null : type, wanted, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(agents.Select(agent => AgentView.From(agent)).ToList());
        });

    private static Task<IResult> Show(
        string id, string? events, HttpContext context, StoreBrowser store, NodeRuntime runtime, CancellationToken cancellationToken) =>
        GuardAsync(context, async directory =>
        {
            var count = DefaultRecentEvents;
            if (events is not null && (!int.TryParse(events, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > JournalEndpoints.MaxPage))
            {
                return BadQuery("events", events, $"give how many of the agent's last events to show, 0 to {JournalEndpoints.MaxPage} (default {DefaultRecentEvents})");
            }

            var agent = await directory.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new UnknownAgentException(id);
            var recent = count == 0
                ? []
                : await store.ReadJournalTailAsync(AgentNames.PersistenceId(id), count, cancellationToken).ConfigureAwait(false);
            var health = runtime.IsStarted ? AgentHealthBoard.Find(runtime.System)?.Find(id) : null;
            return TypedResults.Ok(AgentView.From(agent, recent, health));
        });

    private static Task<IResult> Define(HttpContext context, CancellationToken cancellationToken) =>
        GuardAsync(context, async directory =>
        {
            AgentDefinitionDocument? document;
            try
            {
                document = await JsonSerializer.DeserializeAsync<AgentDefinitionDocument>(context.Request.Body, BodyJson, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return NotJson("an agent definition", e);
            }

            var definition = (document ?? throw new AgentDefinitionException("", "id", "the body is null; send a definition object.")).ToDefinition();
            if (await directory.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                return TypedResults.Problem(
                    title: "The agent is defined already",
                    detail: $"An agent with the id '{definition.Id}' is defined already; choose another id, or change the existing agent " +
                            $"with POST /api/agents/{definition.Id}/activate, /deactivate or /restart.",
                    statusCode: StatusCodes.Status409Conflict);
            }

            var defined = await directory.DefineAsync(definition, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/agents/{Uri.EscapeDataString(defined.Definition.Id)}", AgentView.From(defined));
        });

    private static Task<IResult> Tell(string id, HttpContext context, CancellationToken cancellationToken) =>
        GuardAsync(context, async directory =>
        {
            AgentCommandRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<AgentCommandRequest>(context.Request.Body, BodyJson, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return NotJson("a command", e);
            }

            if (string.IsNullOrWhiteSpace(request?.Name))
            {
                return BadBody("name", "is missing: give the command's name, e.g. {\"name\": \"evaluate\", \"arguments\": {\"run\": 7}}.");
            }

            var timeout = DefaultCommandTimeout;
            if (request.Timeout is { } text && (!DurationText.TryParse(text, out timeout, out var error) || timeout <= TimeSpan.Zero || timeout > MaxCommandTimeout))
            {
                return BadBody("timeout", error.Length > 0
                    ? error
                    : $"'{text}' is not between 0 and {DurationText.Format(MaxCommandTimeout)}; give how long to wait for the answer, e.g. \"30s\".");
            }

            var arguments = request.Arguments is { ValueKind: not JsonValueKind.Null } given ? given : (JsonElement?)null;
            return TypedResults.Ok(await directory.TellAsync(id, new AgentCommand(request.Name, arguments), timeout, cancellationToken)
                .ConfigureAwait(false));
        });

    /// <summary>
    /// Runs <paramref name="action"/> with the registered directory, turning what it throws into problem details:
    /// <see cref="UnknownAgentException"/> 404, <see cref="AgentDefinitionException"/> 400 (with the field),
    /// <see cref="TimeoutException"/> 504; 503 when no directory is registered, or when it cannot be made yet (a factory
    /// that needs the started runtime, asked before the runtime has started).
    /// </summary>
    private static async Task<IResult> GuardAsync(HttpContext context, Func<IAgentDirectory, Task<IResult>> action)
    {
        IAgentDirectory? directory;
        try
        {
            directory = context.RequestServices.GetService<IAgentDirectory>();
        }
        catch (InvalidOperationException e)
        {
            return NotStarted($"The agent directory cannot be made yet: {e.Message}");
        }

        if (directory is null)
        {
            return NotStarted("This node runs no agent directory (the agent platform is not started), so it cannot list, define or command agents.");
        }

        try
        {
            return await action(directory).ConfigureAwait(false);
        }
        catch (UnknownAgentException e)
        {
            return TypedResults.Problem(
                title: "No such agent", detail: e.Message, statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["agentId"] = e.AgentId });
        }
        catch (AgentDefinitionException e)
        {
            return TypedResults.Problem(
                title: "Invalid agent definition", detail: e.Message, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["agentId"] = e.AgentId, ["field"] = e.Field });
        }
        catch (TimeoutException e)
        {
            return TypedResults.Problem(title: "The agent did not answer in time", detail: e.Message, statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }

    private static IResult NotStarted(string detail) =>
        TypedResults.Problem(title: "Agents are not started", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IEnumerable<string> StatusNames => Enum.GetValues<AgentStatus>().Select(AgentView.StatusText);

    private static bool TryParseStatus(string text, out AgentStatus status)
    {
        foreach (var candidate in Enum.GetValues<AgentStatus>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    private static IResult BadQuery(string name, string value, string fix) => TypedResults.Problem(
        title: $"Bad query parameter '{name}'", detail: $"'{name}' is '{value}'; {fix}.", statusCode: StatusCodes.Status400BadRequest);

    private static IResult BadBody(string field, string problem) => TypedResults.Problem(
        title: "Bad command", detail: $"{field} {problem}", statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["field"] = field });

    private static IResult NotJson(string what, JsonException e) => TypedResults.Problem(
        title: $"The body is not {what}",
        detail: $"Send {what} as a JSON object with camelCase fields: {e.Message}",
        statusCode: StatusCodes.Status400BadRequest);
}
