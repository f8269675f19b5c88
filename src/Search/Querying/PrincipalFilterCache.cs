using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// The <see cref="PrincipalFilter"/> of each distinct principal set, least recently used dropped first. Memory is
/// bounded by capacity × documents / 8 bytes (512 sets over 1,000,000 documents: 64 MB at most).
/// </summary>
internal sealed class PrincipalFilterCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, PrincipalFilter Filter)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, PrincipalFilter Filter)> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Sets currently cached.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The filter for the principals plus <c>everyone</c>; order and duplicates do not matter.</summary>
    public PrincipalFilter Get(IEnumerable<string> principals)
    {
        var set = principals.Append(SearchPrincipals.Everyone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var key = string.Join('\n', set);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Filter;
            }

            var filter = new PrincipalFilter(set);
            _entries[key] = _recency.AddFirst((key, filter));
            if (_entries.Count > capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            return filter;
        }
    }
}
