using Agents.Platform.Topics;

namespace Agents.Platform.Tests.Topics;

public sealed class TopicSubscriptionsTests
{
    private readonly TopicSubscriptions<string> _subscriptions = new();

    private static TopicPattern P(string text) => TopicPattern.Parse(text);

    private static TopicName T(string text) => TopicName.Parse(text);

    private string[] Match(string topic) => [.. _subscriptions.Match(T(topic)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("quick.orange.rabbit", "Q1,Q2")]
    [InlineData("lazy.orange.elephant", "Q1,Q2")]
    [InlineData("quick.orange.fox", "Q1")]
    [InlineData("lazy.brown.fox", "Q2")]
    [InlineData("lazy.pink.rabbit", "Q2")]
    [InlineData("quick.brown.fox", "")]
    [InlineData("orange", "")]
    [InlineData("quick.orange.new.rabbit", "")]
    [InlineData("lazy.orange.new.rabbit", "Q2")]
    public void The_RabbitMQ_topic_tutorial_queues_receive_what_it_documents(string topic, string queues)
    {
        _subscriptions.Add(P("*.orange.*"), "Q1");
        _subscriptions.Add(P("*.*.rabbit"), "Q2");
        _subscriptions.Add(P("lazy.#"), "Q2");

        Assert.Equal(queues.Split(',', StringSplitOptions.RemoveEmptyEntries), Match(topic));
    }

    [Fact]
    public void A_subscriber_whose_several_patterns_match_is_returned_once()
    {
        _subscriptions.Add(P("model.#"), "monitor");
        _subscriptions.Add(P("model.convergence.*"), "monitor");
        _subscriptions.Add(P("#"), "monitor");

        Assert.Equal(["monitor"], Match("model.convergence.detected"));
    }

    [Fact]
    public void A_topic_nobody_subscribed_to_matches_nobody()
    {
        _subscriptions.Add(P("alert.*"), "pager");

        Assert.Empty(Match("training.epoch_complete"));
        Assert.False(_subscriptions.HasSubscribers(T("training.epoch_complete")));
    }

    [Fact]
    public void HasSubscribers_is_true_when_a_pattern_matches()
    {
        _subscriptions.Add(P("alert.*"), "pager");

        Assert.True(_subscriptions.HasSubscribers(T("alert.critical")));
    }

    [Fact]
    public void A_hash_subscription_receives_its_prefix_topic_itself()
    {
        _subscriptions.Add(P("training.#"), "trainer");

        Assert.Equal(["trainer"], Match("training"));
    }

    [Fact]
    public void A_root_hash_subscription_receives_every_topic()
    {
        _subscriptions.Add(P("#"), "audit");

        Assert.Equal(["audit"], Match("a"));
        Assert.Equal(["audit"], Match("a.b.c.d"));
    }

    [Fact]
    public void Adding_the_same_pair_twice_keeps_one_subscription()
    {
        Assert.True(_subscriptions.Add(P("alert.*"), "pager"));
        Assert.False(_subscriptions.Add(P("alert.*"), "pager"));

        Assert.Equal(1, _subscriptions.Count);
    }

    [Fact]
    public void Spellings_with_one_canonical_form_are_one_subscription()
    {
        _subscriptions.Add(P("a.#.#"), "s");

        Assert.False(_subscriptions.Add(P("a.#"), "s"));
        Assert.True(_subscriptions.Remove(P("a.#.#.#"), "s"));
        Assert.Equal(0, _subscriptions.Count);
    }

    [Fact]
    public void Remove_ends_only_that_subscription()
    {
        _subscriptions.Add(P("alert.*"), "pager");
        _subscriptions.Add(P("alert.*"), "log");
        _subscriptions.Add(P("alert.#"), "pager");

        Assert.True(_subscriptions.Remove(P("alert.*"), "pager"));

        Assert.Equal(["log", "pager"], Match("alert.critical"));
        Assert.Equal(["pager"], Match("alert"));
        Assert.Equal(2, _subscriptions.Count);
    }

    [Fact]
    public void Removing_a_subscription_that_does_not_exist_returns_false()
    {
        _subscriptions.Add(P("alert.*"), "pager");

        Assert.False(_subscriptions.Remove(P("alert.#"), "pager"));
        Assert.False(_subscriptions.Remove(P("alert.*"), "log"));
        Assert.Equal(1, _subscriptions.Count);
    }

    [Fact]
    public void RemoveAll_ends_every_subscription_of_one_subscriber()
    {
        _subscriptions.Add(P("alert.*"), "pager");
        _subscriptions.Add(P("#"), "pager");
        _subscriptions.Add(P("alert.*"), "log");

        Assert.Equal(2, _subscriptions.RemoveAll("pager"));

        Assert.Equal(["log"], Match("alert.critical"));
        Assert.Empty(_subscriptions.PatternsOf("pager"));
        Assert.Equal(1, _subscriptions.Count);
    }

    [Fact]
    public void Removing_every_subscription_leaves_no_trie_nodes_behind()
    {
        string[] patterns = ["a.b.c", "a.b.#", "a.*.c", "#.c", "a.#.b.#", "*", "a.b"];
        foreach (var pattern in patterns)
        {
            _subscriptions.Add(P(pattern), "s1");
            _subscriptions.Add(P(pattern), "s2");
        }

        foreach (var pattern in patterns)
        {
            _subscriptions.Remove(P(pattern), "s1");
        }

        _subscriptions.RemoveAll("s2");

        Assert.Equal(0, _subscriptions.CountNodes());
    }

    [Fact]
    public void Removing_one_pattern_keeps_the_nodes_other_patterns_still_use()
    {
        _subscriptions.Add(P("a.b.c"), "s");
        _subscriptions.Add(P("a.b"), "s");

        _subscriptions.Remove(P("a.b.c"), "s");

        Assert.Equal(2, _subscriptions.CountNodes());
        Assert.Equal(["s"], Match("a.b"));
    }

    [Fact]
    public void PatternsOf_lists_the_canonical_patterns_of_a_subscriber()
    {
        _subscriptions.Add(P("#.*"), "s");
        _subscriptions.Add(P("alert.critical"), "s");

        Assert.Equal(["*.#", "alert.critical"], _subscriptions.PatternsOf("s").Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Matching_into_a_caller_set_counts_only_new_subscribers()
    {
        _subscriptions.Add(P("alert.*"), "pager");
        _subscriptions.Add(P("alert.#"), "log");
        var set = new HashSet<string> { "log" };

        Assert.Equal(1, _subscriptions.Match(T("alert.critical"), set));
        Assert.Equal(["log", "pager"], set.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_comparer_decides_which_subscribers_are_the_same()
    {
        var subscriptions = new TopicSubscriptions<string>(StringComparer.OrdinalIgnoreCase);
        subscriptions.Add(P("alert.*"), "Pager");
        subscriptions.Add(P("alert.#"), "pager");

        Assert.Single(subscriptions.Match(T("alert.critical")));
        Assert.False(subscriptions.Add(P("alert.*"), "PAGER"));
    }

    [Fact]
    public void Patterns_with_many_hashes_match_a_long_topic_correctly()
    {
        var pattern = string.Join('.', Enumerable.Repeat("#.a", 15)) + ".#.x";
        _subscriptions.Add(P(pattern), "deep");
        _subscriptions.Add(P("#.a.#"), "shallow");
        var miss = string.Join('.', Enumerable.Repeat("a", TopicName.MaxWords));

        Assert.Equal(["shallow"], Match(miss));
        Assert.Equal(["deep", "shallow"], Match(miss[..^1] + "x"));
    }

    [Fact]
    public void Matching_into_a_reused_set_does_not_allocate()
    {
        _subscriptions.Add(P("model.#"), "a");
        _subscriptions.Add(P("model.*.detected"), "b");
        _subscriptions.Add(P("#.detected"), "c");
        _subscriptions.Add(P("model.#.x.#"), "d");
        var topic = T("model.convergence.detected");
        var set = new HashSet<string>(4);
        _subscriptions.Match(topic, set);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            set.Clear();
            _subscriptions.Match(topic, set);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, set.Count);
    }
}
