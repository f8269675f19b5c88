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
    private long[]? _dates;
    private int[]? _sources;
    private int[]? _sites;

    /// <summary>
    /// Dates of <paramref name="reader"/>'s segment in Unix milliseconds, 0 when a document has none. Loaded from the
    /// reader at hand: readers of one segment come and go (a near-real-time reopen makes a new one and closes the old),
    /// so the cache keeps the arrays, never a reader.
    /// </summary>
    public static long[] Dates(AtomicReader reader)
    {
        var columns = For(reader);
        return columns._dates ??= LoadDates(reader);
    }

    /// <summary>Ordinals of <see cref="SortedDocValues"/> of one of the cached facet fields, −1 when missing.</summary>
    public static int[] Ords(AtomicReader reader, string field)
    {
        var columns = For(reader);
        return string.Equals(field, SearchFields.Source, StringComparison.Ordinal)
            ? columns._sources ??= LoadOrds(reader, SearchFields.Source)
            : columns._sites ??= LoadOrds(reader, SearchFields.Site);
    }

    private static SegmentColumns For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns());

    private static long[] LoadDates(AtomicReader reader)
    {
        var values = new long[reader.MaxDoc];
        if (reader.GetNumericDocValues(SearchFields.Date) is { } dates)
        {
            for (var doc = 0; doc < values.Length; doc++)
            {
                values[doc] = dates.Get(doc);
            }
        }

        return values;
    }

    private static int[] LoadOrds(AtomicReader reader, string field)
    {
        var ords = new int[reader.MaxDoc];
        var values = reader.GetSortedDocValues(field);
        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = values?.GetOrd(doc) ?? -1;
        }

        return ords;
    }
}
