namespace Agents.Platform.Topics;

public sealed partial class TopicSubscriptions<TSubscriber>
{
    /// <summary>The distinct subscribers with at least one pattern that matches <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic an event is published to.</param>
    /// <returns>A new set, compared with <see cref="Comparer"/>; empty when nobody is subscribed.</returns>
    public IReadOnlySet<TSubscriber> Match(TopicName topic)
    {
        var subscribers = new HashSet<TSubscriber>(Comparer);
        Match(topic, subscribers);
        return subscribers;
    }

    /// <summary>
    /// Adds the subscribers with at least one pattern that matches <paramref name="topic"/> to
    /// <paramref name="subscribers"/>. A publisher on a hot path can keep one set per thread and
    /// clear it between events, so that matching allocates nothing.
    /// </summary>
    /// <param name="topic">The topic an event is published to.</param>
    /// <param name="subscribers">
    /// The set to add to; its own comparer decides what counts as one subscriber, so give it
    /// <see cref="Comparer"/> to get each subscriber once.
    /// </param>
    /// <returns>How many subscribers were added to the set (those already in it are not counted).</returns>
    public int Match(TopicName topic, ISet<TSubscriber> subscribers)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(subscribers);
        var current = default(NodeList);
        var next = default(NodeList);
        var hashes = default(NodeList);
        try
        {
            Walk(topic, ref current, ref next, ref hashes);
            return AddSubscribers(current, subscribers) + AddSubscribers(hashes, subscribers);
        }
        finally
        {
            current.Dispose();
            next.Dispose();
            hashes.Dispose();
        }
    }

    /// <summary>
    /// Whether any subscription matches <paramref name="topic"/>, so a publisher can skip building
    /// an event nobody would receive.
    /// </summary>
    /// <param name="topic">The topic an event would be published to.</param>
    /// <returns>Whether at least one subscriber would receive it.</returns>
    public bool HasSubscribers(TopicName topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var current = default(NodeList);
        var next = default(NodeList);
        var hashes = default(NodeList);
        try
        {
            Walk(topic, ref current, ref next, ref hashes);
            return AnySubscriber(current) || AnySubscriber(hashes);
        }
        finally
        {
            current.Dispose();
            next.Dispose();
            hashes.Dispose();
        }
    }

    private static int AddSubscribers(in NodeList nodes, ISet<TSubscriber> subscribers)
    {
        var added = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var subscriber in nodes[i].Subscribers)
            {
                if (subscribers.Add(subscriber))
                {
                    added++;
                }
            }
        }

        return added;
    }

    private static bool AnySubscriber(in NodeList nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Subscribers.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs the trie as a nondeterministic automaton over the topic's words. On return
    /// <paramref name="current"/> holds the nodes reached by consuming every word through literal
    /// and <c>*</c> edges, and <paramref name="hashes"/> every <c>#</c> node reached on the way;
    /// together they are the nodes whose patterns match. A <c>#</c> node, once reached, stays
    /// active for the rest of the topic (it absorbs any further words), so it lives in its own list
    /// and takes part in every later step.
    /// </summary>
    private void Walk(TopicName topic, ref NodeList current, ref NodeList next, ref NodeList hashes)
    {
        Enter(_root, ref current, ref hashes);
        var text = topic.Value;
        for (var start = 0; start <= text.Length;)
        {
            var word = TopicSyntax.WordAt(text, start, out start);

            // '#' nodes reached in this step matched zero words so far; they start consuming words
            // with the next step, so only those active before it step now.
            var activeHashes = hashes.Count;
            next.Clear();
            for (var i = 0; i < current.Count; i++)
            {
                Step(current[i], word, ref next, ref hashes);
            }

            for (var i = 0; i < activeHashes; i++)
            {
                Step(hashes[i], word, ref next, ref hashes);
            }

            (current, next) = (next, current);
            if (current.Count == 0 && hashes.Count == 0)
            {
                return;
            }
        }
    }

    private static void Step(Node node, ReadOnlySpan<char> word, ref NodeList next, ref NodeList hashes)
    {
        if (node.Literal(word) is { } literal)
        {
            Enter(literal, ref next, ref hashes);
        }

        if (node.Star is { } star)
        {
            Enter(star, ref next, ref hashes);
        }
    }

    /// <summary>
    /// Activates <paramref name="node"/> and its <c>#</c> child, which matches zero words right away.
    /// Canonical patterns never hold <c>#.#</c>, so a <c>#</c> node has no <c>#</c> child.
    /// </summary>
    private static void Enter(Node node, ref NodeList active, ref NodeList hashes)
    {
        active.Add(node);
        if (node.Hash is { } hash && !(hash.BelowHash && hashes.Contains(hash)))
        {
            // A node with no '#' above it is reached after a fixed number of words, so its '#'
            // child is activated at most once; below a '#' it can be reached again later.
            hashes.Add(hash);
        }
    }
}
