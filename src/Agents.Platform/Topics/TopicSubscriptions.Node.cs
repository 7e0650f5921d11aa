using System.Collections.Concurrent;

namespace Agents.Platform.Topics;

public sealed partial class TopicSubscriptions<TSubscriber>
{
    /// <summary>
    /// One trie node: the pattern prefix spelled by the path from the root. Readers go through the
    /// volatile getters without a lock; the mutating members run only under the writer lock.
    /// </summary>
    private sealed class Node(string word, bool belowHash)
    {
        private ConcurrentDictionary<string, Node>? _literals;
        private Node? _star;
        private Node? _hash;
        private TSubscriber[] _subscribers = [];

        /// <summary>The pattern word on the edge into this node: a literal, <c>*</c> or <c>#</c>.</summary>
        public string Word { get; } = word;

        /// <summary>
        /// Whether a <c>#</c> lies above this node. Only then can matching reach the node after
        /// different numbers of topic words, so only then must it check for a node already active.
        /// </summary>
        public bool BelowHash { get; } = belowHash;

        /// <summary>The <c>*</c> child, if any.</summary>
        public Node? Star => Volatile.Read(ref _star);

        /// <summary>The <c>#</c> child, if any.</summary>
        public Node? Hash => Volatile.Read(ref _hash);

        /// <summary>Subscribers whose pattern ends at this node; never edited, only replaced.</summary>
        public TSubscriber[] Subscribers => Volatile.Read(ref _subscribers);

        /// <summary>Whether nothing ends at or below this node, so it can be pruned.</summary>
        public bool IsEmpty => _subscribers.Length == 0 && _star is null && _hash is null && _literals is null;

        /// <summary>The literal child for <paramref name="word"/>, if any.</summary>
        public Node? Literal(ReadOnlySpan<char> word)
        {
            var literals = Volatile.Read(ref _literals);
            return literals is not null && literals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var child) ? child : null;
        }

        /// <summary>The child on the edge for pattern word <paramref name="word"/>, if any.</summary>
        public Node? Child(string word) =>
            TopicSyntax.IsStar(word) ? _star
            : TopicSyntax.IsHash(word) ? _hash
            : _literals is { } literals && literals.TryGetValue(word, out var child) ? child
            : null;

        /// <summary>The child for <paramref name="word"/>, created and published when missing.</summary>
        public Node GetOrAddChild(string word)
        {
            if (Child(word) is { } existing)
            {
                return existing;
            }

            var child = new Node(word, BelowHash || TopicSyntax.IsHash(Word));
            if (TopicSyntax.IsStar(word))
            {
                Volatile.Write(ref _star, child);
            }
            else if (TopicSyntax.IsHash(word))
            {
                Volatile.Write(ref _hash, child);
            }
            else
            {
                var literals = _literals;
                if (literals is null)
                {
                    // One writer at a time, so one lock stripe is enough.
                    literals = new ConcurrentDictionary<string, Node>(concurrencyLevel: 1, capacity: 4, StringComparer.Ordinal);
                    Volatile.Write(ref _literals, literals);
                }

                literals[word] = child;
            }

            return child;
        }

        /// <summary>How many nodes lie below this one.</summary>
        public int CountDescendants()
        {
            var count = 0;
            foreach (var child in (IEnumerable<Node?>)[_star, _hash, .. _literals?.Values ?? []])
            {
                if (child is not null)
                {
                    count += 1 + child.CountDescendants();
                }
            }

            return count;
        }

        /// <summary>Detaches <paramref name="child"/>; readers already inside it finish undisturbed.</summary>
        public void RemoveChild(Node child)
        {
            if (ReferenceEquals(child, _star))
            {
                Volatile.Write(ref _star, null);
            }
            else if (ReferenceEquals(child, _hash))
            {
                Volatile.Write(ref _hash, null);
            }
            else if (_literals is { } literals && literals.TryRemove(child.Word, out _) && literals.IsEmpty)
            {
                Volatile.Write(ref _literals, null);
            }
        }

        /// <summary>Publishes a new subscriber array with <paramref name="subscriber"/> appended.</summary>
        public void AddSubscriber(TSubscriber subscriber) => Volatile.Write(ref _subscribers, [.. _subscribers, subscriber]);

        /// <summary>Publishes a new subscriber array without <paramref name="subscriber"/>.</summary>
        public void RemoveSubscriber(TSubscriber subscriber, IEqualityComparer<TSubscriber> comparer)
        {
            var current = _subscribers;
            var index = Array.FindIndex(current, s => comparer.Equals(s, subscriber));
            if (index < 0)
            {
                return;
            }

            var remaining = new TSubscriber[current.Length - 1];
            current.AsSpan(0, index).CopyTo(remaining);
            current.AsSpan(index + 1).CopyTo(remaining.AsSpan(index));
            Volatile.Write(ref _subscribers, remaining);
        }
    }
}
