using System.Runtime.CompilerServices;
using GatewayPortal.Search.Documents;
using Lucene.Net.Index;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Per-segment arrays of the doc values every search reads for each match (date for the recency boost, source and
/// site ordinals for the facets), cached by segment core like a field cache: reading an array slot is much cheaper
/// than a doc-values lookup. 16 bytes per document (16 MB per million); merged-away segments are collected with
/// their core.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();
    private readonly AtomicReader _reader;
    private long[]? _dates;
    private int[]? _sources;
    private int[]? _sites;

    private SegmentColumns(AtomicReader reader) => _reader = reader;

    /// <summary>Dates in Unix milliseconds, 0 when a document has none.</summary>
    public long[] Dates => _dates ??= LoadDates();

    /// <summary>Source ordinals of <see cref="SortedDocValues"/>, −1 when missing.</summary>
    public int[] Sources => _sources ??= LoadOrds(SearchFields.Source);

    /// <summary>Site ordinals of <see cref="SortedDocValues"/>, −1 when missing.</summary>
    public int[] Sites => _sites ??= LoadOrds(SearchFields.Site);

    public static SegmentColumns For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));

    /// <summary>The ordinals of <paramref name="field"/> (one of the cached facet fields).</summary>
    public int[] Ords(string field) => string.Equals(field, SearchFields.Source, StringComparison.Ordinal) ? Sources : Sites;

    private long[] LoadDates()
    {
        var values = new long[_reader.MaxDoc];
        if (_reader.GetNumericDocValues(SearchFields.Date) is { } dates)
        {
            for (var doc = 0; doc < values.Length; doc++)
            {
                values[doc] = dates.Get(doc);
            }
        }

        return values;
    }

    private int[] LoadOrds(string field)
    {
        var ords = new int[_reader.MaxDoc];
        var values = _reader.GetSortedDocValues(field);
        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = values?.GetOrd(doc) ?? -1;
        }

        return ords;
    }
}
