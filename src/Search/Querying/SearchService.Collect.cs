using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Collects the hits, the exact count and the facets of one search, over slices of the index's segments in parallel
/// when the index is large (every match is visited for the exact count and facets, so a broad word at a million
/// documents is tens of thousands of matches: two cores answer it in about half the time).
/// </summary>
public sealed partial class SearchService
{
    private (ScoreDoc[] Page, int TotalHits, FacetCollector Facets) Collect(
        IndexSearcher searcher, Query query, Filter filter, SearchRequest request, int window)
    {
        var leaves = searcher.IndexReader.Leaves;
        var slices = Slices(leaves, searcher.IndexReader.MaxDoc >= _parallelMinDocs ? _queryThreads : 1);
        var weight = searcher.CreateNormalizedWeight(new FilteredQuery(query, filter));
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var parts = new SliceResult[slices.Count];
        if (slices.Count == 1)
        {
            parts[0] = CollectSlice(weight, slices[0], request.Sort, window, now);
        }
        else
        {
            var others = Enumerable.Range(1, slices.Count - 1)
                .Select(i => Task.Run(() => parts[i] = CollectSlice(weight, slices[i], request.Sort, window, now)))
                .ToArray();
            parts[0] = CollectSlice(weight, slices[0], request.Sort, window, now);
            Task.WaitAll(others);
        }

        var facets = parts[0].Facets;
        for (var i = 1; i < parts.Length; i++)
        {
            facets.Add(parts[i].Facets);
        }

        // Ties go to the lower document number, as in one sequential pass.
        var ranked = parts.SelectMany(p => p.Hits);
        ranked = request.Sort == SearchSort.Date
            ? ranked.OrderByDescending(d => ((J2N.Numerics.Number)((FieldDoc)d).Fields[0]).ToInt64()).ThenBy(d => d.Doc)
            : ranked.OrderByDescending(d => d.Score).ThenBy(d => d.Doc);
        var page = ranked.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToArray();
        return (page, parts.Sum(p => p.TotalHits), facets);
    }

    private static SliceResult CollectSlice(Weight weight, List<AtomicReaderContext> leaves, SearchSort sort, int window, long now)
    {
        ITopDocsCollector top = sort == SearchSort.Date
            ? TopFieldCollector.Create(ByDate, window, fillFields: true, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true)
            : TopScoreDocCollector.Create(window, docsScoredInOrder: true);
        var facets = new FacetCollector();
        ICollector collector = MultiCollector.Wrap(top, facets);
        if (sort == SearchSort.Relevance)
        {
            collector = new RecencyCollector(collector, now);
        }

        foreach (var leaf in leaves)
        {
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        }

        var docs = top.GetTopDocs();
        return new SliceResult(docs.ScoreDocs, docs.TotalHits, facets);
    }

    /// <summary>The segments in at most <paramref name="count"/> slices of about equal size (largest segment first).</summary>
    private static List<List<AtomicReaderContext>> Slices(IList<AtomicReaderContext> leaves, int count)
    {
        var slices = Enumerable.Range(0, Math.Max(1, Math.Min(count, leaves.Count)))
            .Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[slices.Count];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            slices[smallest].Add(leaf);
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }

        // In document order inside a slice, so equal scores keep the lower document, as in one sequential pass.
        foreach (var slice in slices)
        {
            slice.Sort((a, b) => a.DocBase.CompareTo(b.DocBase));
        }

        return slices;
    }

    private sealed record SliceResult(ScoreDoc[] Hits, int TotalHits, FacetCollector Facets);
}
