namespace Agents.Benchmarks.Actors;

/// <summary>
/// The one message instance every benchmark sends (actors and channels alike), so that the figures
/// measure delivery and scheduling, not the allocation of messages.
/// </summary>
internal sealed class BenchMessage
{
    public static readonly BenchMessage Instance = new();

    private BenchMessage()
    {
    }
}
