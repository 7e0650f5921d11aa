namespace Agents.Platform.Tests.Topics;

/// <summary>
/// Random topic names and patterns from a small vocabulary, so that random patterns and topics
/// match often enough to be interesting. Seeded, so a failure reproduces.
/// </summary>
internal sealed class RandomTopics(int seed)
{
    private static readonly string[] Vocabulary = ["a", "b", "c", "model", "x-1"];

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public string Topic(int maxWords = 6) =>
        string.Join('.', Enumerable.Range(0, 1 + _random.Next(maxWords)).Select(_ => Vocabulary[_random.Next(Vocabulary.Length)]));

    public string Pattern(int maxWords = 6) =>
        string.Join('.', Enumerable.Range(0, 1 + _random.Next(maxWords)).Select(_ => _random.Next(10) switch
        {
            < 2 => "*",
            < 4 => "#",
            _ => Vocabulary[_random.Next(Vocabulary.Length)],
        }));
}
