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
        var threads = searcher.IndexReader.MaxDoc >= _parallelMinDocs ? _queryThreads : 1;
        var queue = new PieceQueue(Pieces(searcher.IndexReader.Leaves, threads));
        var weight = searcher.CreateNormalizedWeight(new FilteredQuery(query, filter));
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var parts = new SliceResult[Math.Clamp(queue.Count, 1, threads)];
        var helpers = Enumerable.Range(1, parts.Length - 1)
            .Select(i => Task.Run(() => parts[i] = CollectPieces(weight, queue, request.Sort, window, now)))
            .ToArray();
        parts[0] = CollectPieces(weight, queue, request.Sort, window, now);
        Task.WaitAll(helpers);

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

    /// <summary>
    /// Collects pieces taken from the shared queue until it is empty: a thread that starts late, or meets pieces
    /// dense with matches, takes fewer. A thread's pieces are therefore not in document order, so ties between
    /// equal scores (or dates) are broken on the document number by the collectors themselves; each piece is still
    /// scored in document order.
    /// </summary>
    private static SliceResult CollectPieces(Weight weight, PieceQueue queue, SearchSort sort, int window, long now)
    {
        var facets = new FacetCollector();
        ICollector collector;
        TopFieldCollector? byDate = null;
        RelevanceCollector? byRelevance = null;
        if (sort == SearchSort.Date)
        {
            byDate = TopFieldCollector.Create(ByDate, window, fillFields: true, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            collector = MultiCollector.Wrap(byDate, facets);
        }
        else
        {
            byRelevance = new RelevanceCollector(window, now, facets);
            collector = byRelevance;
        }

        while (queue.TryTake(out var piece))
        {
            var leaf = piece.Leaf;
            collector.SetNextReader(leaf);
            if (piece.IsWholeSegment)
            {
                weight.GetBulkScorer(leaf, scoreDocsInOrder: true, leaf.AtomicReader.LiveDocs)?.Score(collector);
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
    /// The index as pieces for <paramref name="threads"/> threads, largest first, so the last ones taken are small.
    /// A segment larger than a quarter of the index per thread (a rebuild's merges leave one holding most of the
    /// index) is cut into ranges of documents, each scored on its own, so threads share even a single-segment index.
    /// </summary>
    private static List<SlicePiece> Pieces(IList<AtomicReaderContext> leaves, int threads)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var cuts = threads <= 1 ? 1 : 2 * threads;
        var share = Math.Max(1, (total + cuts - 1) / cuts);
        var pieces = new List<SlicePiece>();
        foreach (var leaf in leaves)
        {
            long size = leaf.AtomicReader.MaxDoc;
            var parts = Math.Clamp((size + share - 1) / share, 1, cuts);
            for (var part = 0L; part < parts; part++)
            {
                pieces.Add(new SlicePiece(leaf, (int)(size * part / parts), (int)(size * (part + 1) / parts)));
            }
        }

        pieces.Sort((a, b) => (b.To - b.From).CompareTo(a.To - a.From));
        return pieces;
    }

    /// <summary>Pieces handed out one at a time to the threads of one search.</summary>
    private sealed class PieceQueue(List<SlicePiece> pieces)
    {
        private int _next = -1;

        public int Count => pieces.Count;

        public bool TryTake(out SlicePiece piece)
        {
            var index = Interlocked.Increment(ref _next);
            piece = index < pieces.Count ? pieces[index] : default;
            return index < pieces.Count;
        }
    }

    /// <summary>Documents [<paramref name="From"/>, <paramref name="To"/>) of a segment.</summary>
    private readonly record struct SlicePiece(AtomicReaderContext Leaf, int From, int To)
    {
        public bool IsWholeSegment => From == 0 && To == Leaf.AtomicReader.MaxDoc;
    }

    private sealed record SliceResult(ScoreDoc[] Hits, int TotalHits, FacetCollector Facets);
}
