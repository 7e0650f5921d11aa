using System.Text.Json;
using Agents.Node.Hosting;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;
using Agents.Platform.Topics;

namespace Agents.Node.Management;

/// <summary>
/// The topic log for operators: <c>GET /api/topics</c> lists the topics with events, <c>POST
/// /api/topics/{topic}/events</c> publishes a JSON document, <c>GET /api/topics/stream</c> follows the events whose
/// topic matches a pattern as server-sent events (<see cref="TopicEventStream"/>).
/// </summary>
internal static class TopicEndpoints
{
    /// <summary>The publisher recorded for events published through the API.</summary>
    /// <value><c>management-api</c></value>
    public const string Publisher = "management-api";

    public static void MapTopicEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var topics = endpoints.MapGroup("/api/topics").WithTags("topics");
        topics.MapGet("/", async (StoreBrowser store, CancellationToken cancellationToken) =>
                TypedResults.Ok(await store.ListTopicsAsync(cancellationToken).ConfigureAwait(false)))
            .WithSummary("The topics that have events, with their event counts and when each last had one published.");
        topics.MapPost("/{topic}/events", Publish)
            .WithSummary("Publishes the JSON body (any object, array or value) on the topic.")
            .Accepts<JsonElement>("application/json")
            .Produces<TopicPublication>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        topics.MapGet("/stream", TopicEventStream.RunAsync)
            .WithSummary("Server-sent events of the topics matching 'pattern' (default '#'): new ones, or all from the beginning with fromBeginning=true.")
            .Produces<StreamedTopicEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Publish(string topic, HttpRequest request, NodeRuntime runtime, CancellationToken cancellationToken)
    {
        if (!TopicName.TryParse(topic, out var name, out var error))
        {
            return TypedResults.Problem(title: "Bad topic name", detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        JsonElement document;
        try
        {
            using var parsed = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(
                title: "The body is not JSON",
                detail: $"Publish a JSON document (object, array or value) as the body: {e.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        TopicEnvelope published;
        try
        {
            // Through the topic service: durable, then delivered to this node's live subscribers.
            published = await runtime.System.Topics().PublishAsync(name.Value, new JsonPayload(document), Publisher, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (EventSerializationException e)
        {
            return TypedResults.Problem(title: "The body cannot be stored", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Accepted((string?)null, new TopicPublication(name.Value, published.Offset.ToString()));
    }
}
