namespace Agents.Platform.Topics;

/// <summary>
/// A set of topic subscriptions, each a (pattern, subscriber) pair, indexed so that
/// <see cref="Match(TopicName)"/> finds the subscribers of a published topic quickly: a trie over
/// pattern words with separate <c>*</c> and <c>#</c> branches, whose matching cost depends on the
/// topic's length and the branches that match it, not on how many subscriptions there are.
/// </summary>
/// <typeparam name="TSubscriber">
/// Who subscribes, e.g. an actor reference; compared with the comparer given to the constructor.
/// </typeparam>
/// <remarks>
/// <para>
/// <b>Semantics.</b> A subscription is a (pattern, subscriber) pair: adding the same pair twice
/// keeps one subscription (<see cref="Add"/> returns false the second time), and patterns are
/// compared in canonical form, so <c>#.#</c> and <c>#</c> are one pattern. A subscriber may hold
/// several patterns; matching returns each subscriber once, however many of its patterns match
/// the topic, so a publisher delivers an event to a subscriber once.
/// </para>
/// <para>
/// <b>Thread safety.</b> Any number of threads may match (<see cref="Match(TopicName)"/>,
/// <see cref="Match(TopicName, ISet{TSubscriber})"/>, <see cref="HasSubscribers"/>) at the same time
/// as each other and as writers; matching takes no lock and never waits. Writers
/// (<see cref="Add"/>, <see cref="Remove"/>, <see cref="RemoveAll"/>) may also be called from any
/// thread; they are serialized by one lock. The trie's nodes are changed in place but only through
/// volatile writes of immutable parts (a node's subscriber array is replaced, never edited; child
/// branches are published after they are built; literal children live in a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>), so a reader
/// always sees a consistent node. A match sees every subscription whose <see cref="Add"/> returned
/// before the match began and none whose <see cref="Remove"/> returned before it began;
/// a subscription added or removed while a match runs may or may not be in its result. A match is
/// therefore not an atomic snapshot of several subscriptions changed during it.
/// </para>
/// <para>
/// <b>Costs.</b> Matching a topic of <c>n</c> words visits, for each word, the trie nodes whose
/// pattern prefix still matches; a <c>#</c> node stays active until the end. A node is visited at
/// most once per word, so there is no exponential blow-up on patterns such as <c>#.a.#.a.#.x</c>;
/// the price is that reaching a <c>#</c> that lies below another <c>#</c> scans the <c>#</c> nodes
/// already active, which are few unless many subscriptions use several <c>#</c> each.
/// Matching allocates nothing but pooled arrays, except the result set of
/// <see cref="Match(TopicName)"/>. <see cref="Add"/> and <see cref="Remove"/> cost the pattern's
/// word count plus the number of subscribers of that exact pattern, whose subscriber array is
/// copied so readers can iterate it without a lock.
/// </para>
/// </remarks>
public sealed partial class TopicSubscriptions<TSubscriber> where TSubscriber : notnull
{
    private readonly Lock _writeLock = new();
    private readonly Node _root = new(word: string.Empty, belowHash: false);
    private readonly Dictionary<TSubscriber, HashSet<TopicPattern>> _patternsBySubscriber;
    private int _count;

    /// <summary>Creates an empty set of subscriptions.</summary>
    /// <param name="comparer">
    /// How subscribers are compared, both to keep pairs unique and to return each subscriber once;
    /// <see cref="EqualityComparer{T}.Default"/> when null.
    /// </param>
    public TopicSubscriptions(IEqualityComparer<TSubscriber>? comparer = null)
    {
        Comparer = comparer ?? EqualityComparer<TSubscriber>.Default;
        _patternsBySubscriber = new Dictionary<TSubscriber, HashSet<TopicPattern>>(Comparer);
    }

    /// <summary>How subscribers are compared.</summary>
    /// <value><see cref="EqualityComparer{T}.Default"/> unless the constructor was given another.</value>
    public IEqualityComparer<TSubscriber> Comparer { get; }

    /// <summary>The number of (pattern, subscriber) pairs.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Subscribes <paramref name="subscriber"/> to the topics that match <paramref name="pattern"/>.</summary>
    /// <param name="pattern">Which topics.</param>
    /// <param name="subscriber">Who receives them.</param>
    /// <returns>True if the pair is new; false if the subscriber already had this pattern.</returns>
    public bool Add(TopicPattern pattern, TSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_writeLock)
        {
            if (!_patternsBySubscriber.TryGetValue(subscriber, out var patterns))
            {
                patterns = [];
                _patternsBySubscriber.Add(subscriber, patterns);
            }

            if (!patterns.Add(pattern))
            {
                return false;
            }

            var node = _root;
            foreach (var word in pattern.Words)
            {
                node = node.GetOrAddChild(word);
            }

            node.AddSubscriber(subscriber);
            Volatile.Write(ref _count, _count + 1);
            return true;
        }
    }

    /// <summary>Ends one subscription.</summary>
    /// <param name="pattern">The pattern the subscriber added (in any spelling with the same canonical form).</param>
    /// <param name="subscriber">The subscriber.</param>
    /// <returns>True if the pair existed and was removed; false if there was no such subscription.</returns>
    public bool Remove(TopicPattern pattern, TSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_writeLock)
        {
            if (!_patternsBySubscriber.TryGetValue(subscriber, out var patterns) || !patterns.Remove(pattern))
            {
                return false;
            }

            if (patterns.Count == 0)
            {
                _patternsBySubscriber.Remove(subscriber);
            }

            RemoveFromTrie(pattern, subscriber);
            Volatile.Write(ref _count, _count - 1);
            return true;
        }
    }

    /// <summary>Ends every subscription of <paramref name="subscriber"/>, e.g. when it has stopped.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <returns>How many subscriptions were removed.</returns>
    public int RemoveAll(TSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_writeLock)
        {
            if (!_patternsBySubscriber.Remove(subscriber, out var patterns))
            {
                return 0;
            }

            foreach (var pattern in patterns)
            {
                RemoveFromTrie(pattern, subscriber);
            }

            Volatile.Write(ref _count, _count - patterns.Count);
            return patterns.Count;
        }
    }

    /// <summary>The patterns <paramref name="subscriber"/> holds, in no particular order.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <returns>A copy of its patterns; empty when it has none.</returns>
    public IReadOnlyList<TopicPattern> PatternsOf(TSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_writeLock)
        {
            return _patternsBySubscriber.TryGetValue(subscriber, out var patterns) ? [.. patterns] : [];
        }
    }

    /// <summary>How many trie nodes exist below the root; lets tests check that removal prunes.</summary>
    internal int CountNodes()
    {
        lock (_writeLock)
        {
            return _root.CountDescendants();
        }
    }

    private void RemoveFromTrie(TopicPattern pattern, TSubscriber subscriber)
    {
        var words = pattern.Words;
        var path = new Node[words.Count + 1];
        path[0] = _root;
        for (var i = 0; i < words.Count; i++)
        {
            path[i + 1] = path[i].Child(words[i])
                ?? throw new InvalidOperationException($"The trie has no node for '{pattern}' although '{subscriber}' subscribed to it.");
        }

        path[^1].RemoveSubscriber(subscriber, Comparer);

        // Prune the branch back to the deepest node that still leads somewhere, so that removed
        // subscriptions leave no nodes behind for matching to walk.
        for (var i = words.Count; i > 0 && path[i].IsEmpty; i--)
        {
            path[i - 1].RemoveChild(path[i]);
        }
    }
}
