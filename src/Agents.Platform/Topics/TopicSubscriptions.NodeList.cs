using System.Buffers;

namespace Agents.Platform.Topics;

public sealed partial class TopicSubscriptions<TSubscriber>
{
    /// <summary>
    /// A growable list of trie nodes on pooled arrays, so that matching does not allocate. A mutable
    /// struct: pass it by reference and dispose it to return the array.
    /// </summary>
    private struct NodeList : IDisposable
    {
        private Node[]? _items;

        public int Count { readonly get; private set; }

        public readonly Node this[int index] => _items![index];

        public void Add(Node node)
        {
            if (_items is null)
            {
                _items = ArrayPool<Node>.Shared.Rent(8);
            }
            else if (Count == _items.Length)
            {
                var larger = ArrayPool<Node>.Shared.Rent(Count * 2);
                _items.AsSpan(0, Count).CopyTo(larger);
                ArrayPool<Node>.Shared.Return(_items, clearArray: true);
                _items = larger;
            }

            _items[Count++] = node;
        }

        public readonly bool Contains(Node node)
        {
            for (var i = 0; i < Count; i++)
            {
                if (ReferenceEquals(_items![i], node))
                {
                    return true;
                }
            }

            return false;
        }

        public void Clear()
        {
            if (_items is not null)
            {
                Array.Clear(_items, 0, Count);
            }

            Count = 0;
        }

        public void Dispose()
        {
            if (_items is not null)
            {
                ArrayPool<Node>.Shared.Return(_items, clearArray: true);
                _items = null;
            }

            Count = 0;
        }
    }
}
