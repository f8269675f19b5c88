using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Collects the hits, the exact count and the facets of one search, over slices of the index in parallel
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

    private static SliceResult CollectSlice(Weight weight, List<SlicePiece> pieces, SearchSort sort, int window, long now)
    {
        var facets = new FacetCollector();
        ICollector collector;
        TopFieldCollector? byDate = null;
        RelevanceCollector? byRelevance = null;
        if (sort == SearchSort.Date)
        {
            byDate = TopFieldCollector.Create(ByDate, window, fillFields: true, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
            collector = MultiCollector.Wrap(byDate, facets);
        }
        else
        {
            byRelevance = new RelevanceCollector(window, now, facets);
            collector = byRelevance;
        }

        foreach (var piece in pieces)
        {
            var leaf = piece.Leaf;
            collector.SetNextReader(leaf);
            if (piece.IsWholeSegment)
            {
                weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
                continue;
            }

            // Part of a segment: its own scorer, from the first match at or after the piece's start to its end.
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            collector.SetScorer(scorer);
            for (var doc = scorer.Advance(piece.From); doc < piece.To; doc = scorer.NextDoc())
            {
                collector.Collect(doc);
            }
        }

        if (byRelevance is not null)
        {
            return new SliceResult(byRelevance.Hits(), byRelevance.TotalHits, facets);
        }

        var docs = byDate!.GetTopDocs();
        return new SliceResult(docs.ScoreDocs, docs.TotalHits, facets);
    }

    /// <summary>
    /// The index in at most <paramref name="count"/> slices of about equal size. A segment larger than a slice's share
    /// (a rebuild's merges leave one holding most of the index) is cut into ranges of documents, each scored on its own,
    /// so two threads share even a single-segment index.
    /// </summary>
    private static List<List<SlicePiece>> Slices(IList<AtomicReaderContext> leaves, int count)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var share = Math.Max(1, (total + count - 1) / count);
        var pieces = new List<SlicePiece>();
        foreach (var leaf in leaves)
        {
            long size = leaf.AtomicReader.MaxDoc;
            var parts = Math.Clamp((size + share - 1) / share, 1, count);
            for (var part = 0L; part < parts; part++)
            {
                pieces.Add(new SlicePiece(leaf, (int)(size * part / parts), (int)(size * (part + 1) / parts)));
            }
        }

        var slices = Enumerable.Range(0, Math.Max(1, Math.Min(count, pieces.Count)))
            .Select(_ => new List<SlicePiece>()).ToList();
        var sizes = new long[slices.Count];
        foreach (var piece in pieces.OrderByDescending(p => p.To - p.From))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            slices[smallest].Add(piece);
            sizes[smallest] += piece.To - piece.From;
        }

        // In document order inside a slice, so equal scores keep the lower document, as in one sequential pass.
        foreach (var slice in slices)
        {
            slice.Sort((a, b) => (a.Leaf.DocBase + a.From).CompareTo(b.Leaf.DocBase + b.From));
        }

        return slices;
    }

    /// <summary>Documents [<paramref name="From"/>, <paramref name="To"/>) of a segment.</summary>
    private readonly record struct SlicePiece(AtomicReaderContext Leaf, int From, int To)
    {
        public bool IsWholeSegment => From == 0 && To == Leaf.AtomicReader.MaxDoc;
    }

    private sealed record SliceResult(ScoreDoc[] Hits, int TotalHits, FacetCollector Facets);
}
