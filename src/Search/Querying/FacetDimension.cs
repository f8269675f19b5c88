using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GatewayPortal.Search.Querying;

/// <summary>Counts the values of one sorted doc-values field over the collected documents, segment by segment.</summary>
internal sealed class FacetDimension(string field)
{
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private SortedDocValues? _values;
    private int[] _ords = [];
    private int[] _counts = [];

    public void SetNextReader(AtomicReader reader)
    {
        Flush();
        _values = reader.GetSortedDocValues(field);
        _ords = _values is null ? [] : SegmentColumns.Ords(reader, field);
        _counts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        var ord = _ords.Length == 0 ? -1 : _ords[doc];
        if (ord >= 0)
        {
            _counts[ord]++;
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (the same field over other segments) to these.</summary>
    public void Add(FacetDimension other)
    {
        Flush();
        other.Flush();
        foreach (var (value, count) in other._totals)
        {
            _totals[value] = _totals.GetValueOrDefault(value) + count;
        }
    }

    /// <summary>Counts by value, largest first, ties by value.</summary>
    public IReadOnlyList<FacetCount> Result()
    {
        Flush();
        return [.. _totals.Select(p => new FacetCount(p.Key, p.Value))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Value, StringComparer.Ordinal)];
    }

    private void Flush()
    {
        if (_values is null)
        {
            return;
        }

        var term = new BytesRef();
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] > 0)
            {
                _values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _totals[key] = _totals.GetValueOrDefault(key) + _counts[ord];
            }
        }

        _values = null;
        _ords = [];
        _counts = [];
    }
}
