using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicSubscriptionsConcurrencyTests
{
    [Fact]
    public async Task Matching_while_subscriptions_change_always_sees_the_stable_ones_and_nothing_foreign()
    {
        var setup = new RandomTopics(42);
        var subscriptions = new TopicSubscriptions<string>();
        var stable = new List<(TopicPattern Pattern, string Subscriber)>();
        for (var i = 0; i < 2000; i++)
        {
            var pair = (TopicPattern.Parse(setup.Pattern()), $"stable-{i % 500}");
            if (subscriptions.Add(pair.Item1, pair.Item2))
            {
                stable.Add(pair);
            }
        }

        var nodesBefore = subscriptions.CountNodes();
        var churnPatterns = Enumerable.Range(0, 200).Select(_ => TopicPattern.Parse(setup.Pattern())).Distinct().ToArray();
        var topics = Enumerable.Range(0, 200).Select(_ => TopicName.Parse(setup.Topic())).ToArray();
        var expected = topics.Select(t => stable.Where(p => p.Pattern.Matches(t)).Select(p => p.Subscriber).ToHashSet()).ToArray();
        var writersDone = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        Task Writer(int id) => Task.Run(() =>
        {
            var random = new Random(id);
            for (var round = 0; round < 2000; round++)
            {
                var pattern = churnPatterns[random.Next(churnPatterns.Length)];
                var subscriber = $"churn-{id}-{random.Next(20)}";
                subscriptions.Add(pattern, subscriber);
                if (random.Next(3) == 0)
                {
                    subscriptions.RemoveAll(subscriber);
                }
                else
                {
                    subscriptions.Remove(churnPatterns[random.Next(churnPatterns.Length)], subscriber);
                }
            }

            foreach (var subscriber in Enumerable.Range(0, 20).Select(n => $"churn-{id}-{n}"))
            {
                subscriptions.RemoveAll(subscriber);
            }

            Interlocked.Increment(ref writersDone);
        });

        Task Reader(int id) => Task.Run(() =>
        {
            var random = new Random(100 + id);
            var set = new HashSet<string>();
            for (var round = 0; round < 500 || Volatile.Read(ref writersDone) < 2; round++)
            {
                var index = random.Next(topics.Length);
                set.Clear();
                subscriptions.Match(topics[index], set);
                if (!expected[index].IsSubsetOf(set))
                {
                    failures.Enqueue($"'{topics[index]}' missed stable subscribers {string.Join(", ", expected[index].Except(set))}");
                }

                foreach (var foreign in set.Where(s => !expected[index].Contains(s)))
                {
                    if (!foreign.StartsWith("churn-", StringComparison.Ordinal) || !churnPatterns.Any(p => p.Matches(topics[index])))
                    {
                        failures.Enqueue($"'{topics[index]}' returned {foreign}, which no matching pattern explains");
                    }
                }
            }
        });

        await Task.WhenAll(Writer(1), Writer(2), Reader(1), Reader(2), Reader(3));

        Assert.Empty(failures);
        Assert.Equal(stable.Count, subscriptions.Count);
        Assert.Equal(nodesBefore, subscriptions.CountNodes());
        for (var i = 0; i < topics.Length; i++)
        {
            Assert.True(expected[i].SetEquals(subscriptions.Match(topics[i])), $"'{topics[i]}' after the churn");
        }
    }
}
