using Agents.Actors;
using Agents.Node.Hosting;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /api/actors</c>: the actor hierarchy under <c>/user</c> and <c>/system</c>; <c>DELETE /api/actors/{path}</c>:
/// stops an actor under <c>/user</c> (and its children), as <see cref="ActorSystem.Stop"/> does.
/// </summary>
internal static class ActorEndpoints
{
    public static void MapActorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var actors = endpoints.MapGroup("/api/actors").WithTags("actors");
        actors.MapGet("/", (NodeRuntime runtime) => TypedResults.Ok(Tree(runtime.System)))
            .WithSummary("The actor hierarchy under /user and /system.");
        actors.MapDelete("/{**path}", Stop)
            .WithSummary("Stops the actor at /user/... and its children.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static ActorTree Tree(ActorSystem system) => new(
        system.Name,
        system.Address.ToString(),
        [Node(system, system.UserGuardian), Node(system, system.SystemGuardian)]);

    private static ActorNode Node(ActorSystem system, IActorRef actor) => new(
        actor.Path.Name,
        actor.Path.ToStringWithoutAddress(),
        [.. system.GetChildren(actor).OrderBy(child => child.Path.Name, StringComparer.Ordinal).Select(child => Node(system, child))]);

    private static IResult Stop(string path, NodeRuntime runtime)
    {
        var elements = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (elements.Length < 2 || elements[0] != "user")
        {
            return TypedResults.Problem(
                title: "Only actors under /user can be stopped",
                detail: $"'/{path}' is not below /user; name an application actor, e.g. DELETE /api/actors/user/orders.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var system = runtime.System;
        var actor = system.UserGuardian;
        foreach (var name in elements.Skip(1))
        {
            actor = system.GetChildren(actor).FirstOrDefault(child => child.Path.Name == name)!;
            if (actor is null)
            {
                return TypedResults.Problem(
                    title: "No such actor",
                    detail: $"There is no live actor at '/{string.Join('/', elements)}'; GET /api/actors lists them.",
                    statusCode: StatusCodes.Status404NotFound);
            }
        }

        system.Stop(actor);
        return TypedResults.Accepted((string?)null, new ActorNode(actor.Path.Name, actor.Path.ToStringWithoutAddress(), []));
    }
}
