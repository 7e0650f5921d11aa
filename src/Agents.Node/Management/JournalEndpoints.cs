using System.Globalization;

namespace Agents.Node.Management;

/// <summary>
/// <c>GET /api/journal/{persistenceId}?from=N&amp;max=M</c>: an entity's stored events with their payloads as stored
/// JSON, for operators. An unknown id has no events: the answer is an empty list, not 404.
/// </summary>
internal static class JournalEndpoints
{
    /// <summary>The largest page one request returns.</summary>
    /// <value>1000</value>
    public const int MaxPage = 1000;

    /// <summary>The page size when <c>max</c> is not given.</summary>
    /// <value>100</value>
    public const int DefaultPage = 100;

    public static void MapJournalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/journal").WithTags("journal")
            .MapGet("/{persistenceId}", Read)
            .WithSummary($"The stored events of an entity, from sequence number 'from' (default 1), at most 'max' (default {DefaultPage}, at most {MaxPage}).")
            .Produces<JournalPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Read(
        string persistenceId, string? from, string? max, StoreBrowser store, CancellationToken cancellationToken)
    {
        var first = 1L;
        if (from is not null && (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first < 1))
        {
            return TypedResults.Problem(
                title: "Bad query parameter 'from'",
                detail: $"'from' is '{from}'; give the first sequence number to show, a whole number from 1 (the default).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var count = DefaultPage;
        if (max is not null && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            return TypedResults.Problem(
                title: "Bad query parameter 'max'",
                detail: $"'max' is '{max}'; give how many events to show at most, a whole number from 1 to {MaxPage} (default {DefaultPage}).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var events = await store.ReadJournalAsync(persistenceId, first, Math.Min(count, MaxPage), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new JournalPage(persistenceId, events));
    }
}
