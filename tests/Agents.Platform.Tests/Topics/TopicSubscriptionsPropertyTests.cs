using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

/// <summary>
/// The trie must return exactly what checking every subscription's pattern one by one returns,
/// for random subscriptions and topics, also after random removals.
/// </summary>
public sealed class TopicSubscriptionsPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_trie_finds_the_same_subscribers_as_checking_every_pattern(int seed)
    {
        var random = new RandomTopics(seed);
        var subscriptions = new TopicSubscriptions<int>();
        var pairs = new HashSet<(TopicPattern Pattern, int Subscriber)>();
        for (var i = 0; i < 300; i++)
        {
            var pair = (TopicPattern.Parse(random.Pattern()), random.Next(60));
            Assert.Equal(pairs.Add(pair), subscriptions.Add(pair.Item1, pair.Item2));
        }

        AssertSameAsBruteForce(subscriptions, pairs, random, topics: 1000);

        foreach (var pair in pairs.Where(_ => random.Next(2) == 0).ToList())
        {
            pairs.Remove(pair);
            Assert.True(subscriptions.Remove(pair.Pattern, pair.Subscriber));
        }

        Assert.Equal(pairs.Count, subscriptions.Count);
        AssertSameAsBruteForce(subscriptions, pairs, random, topics: 1000);
    }

    private static void AssertSameAsBruteForce(
        TopicSubscriptions<int> subscriptions, HashSet<(TopicPattern Pattern, int Subscriber)> pairs, RandomTopics random, int topics)
    {
        for (var i = 0; i < topics; i++)
        {
            var topic = TopicName.Parse(random.Topic());
            var expected = pairs.Where(p => p.Pattern.Matches(topic)).Select(p => p.Subscriber).ToHashSet();

            var actual = subscriptions.Match(topic);

            Assert.True(expected.SetEquals(actual), $"'{topic}': expected [{string.Join(", ", expected.Order())}] but got [{string.Join(", ", actual.Order())}]");
            Assert.Equal(expected.Count > 0, subscriptions.HasSubscribers(topic));
        }
    }
}
