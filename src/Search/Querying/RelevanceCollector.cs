using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Collects one slice of a relevance-sorted search in one pass: the count, the facets and the top hits, each match's
/// score multiplied by its recency boost 1 + 0.5 · h / (h + age), h = 180 days (a fresh document gains up to 50 %, a
/// year-old one about 17 %). Applied to every match, so paging stays exact. One collector instead of Lucene's
/// top-docs collector, a multi-collector and a boosting scorer wrapper: a broad word is tens of thousands of matches,
/// and each layer was a virtual call per match.
/// </summary>
/// <param name="window">Hits to keep (the last page's end).</param>
/// <param name="nowMillis">The time recency is measured from, in Unix milliseconds.</param>
/// <param name="facets">Counts every match by source and site.</param>
internal sealed class RelevanceCollector(int window, long nowMillis, FacetCollector facets) : ICollector
{
    private const double HalfLifeMillis = 180 * 86_400_000d;
    private const double Weight = 0.5;
    private readonly ScoreDoc[] _heap = new ScoreDoc[window];
    private readonly long _now = nowMillis;
    private readonly FacetCollector _facets = facets;
    private Scorer? _scorer;
    private long[] _dates = [];
    private int _docBase;
    private int _size;

    /// <summary>Matches collected.</summary>
    public int TotalHits { get; private set; }

    /// <summary>
    /// Documents are scored in order within a piece of a segment, but a thread's pieces come in any order: on a tie,
    /// the lower document is kept whichever came first.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _dates = SegmentColumns.Dates(context.AtomicReader);
        _facets.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        _facets.Collect(doc);
        var score = Boost(_scorer!.GetScore(), _dates[doc], _now);
        if (_size < _heap.Length)
        {
            _heap[_size] = new ScoreDoc(_docBase + doc, score);
            Up(_size++);
        }
        else if (Worse(_heap[0].Score, _heap[0].Doc, score, _docBase + doc))
        {
            var top = _heap[0];
            top.Doc = _docBase + doc;
            top.Score = score;
            Down(0);
        }
    }

    /// <summary>The kept hits, best first (ties: lower document first).</summary>
    public ScoreDoc[] Hits()
    {
        var hits = new ScoreDoc[_size];
        for (var i = _size - 1; i >= 0; i--)
        {
            hits[i] = _heap[0];
            _heap[0] = _heap[--_size];
            Down(0);
        }

        return hits;
    }

    /// <summary><paramref name="score"/> with the recency boost of a document dated <paramref name="date"/> (0: undated, no boost).</summary>
    internal static float Boost(float score, long date, long now)
    {
        if (date <= 0)
        {
            return score;
        }

        // 1 + w·h / (h + age), with h and age in milliseconds: one division per match.
        var age = Math.Max(0, now - date);
        return (float)(score * (1 + (Weight * HalfLifeMillis / (HalfLifeMillis + age))));
    }

    /// <summary>Heap order: the worst hit on top (lower score, or on a tie the higher document).</summary>
    private static bool Worse(ScoreDoc a, ScoreDoc b) => Worse(a.Score, a.Doc, b.Score, b.Doc);

    private static bool Worse(float score, int doc, float otherScore, int otherDoc) =>
        score < otherScore || (score == otherScore && doc > otherDoc);

    private void Up(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Worse(item, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = item;
    }

    private void Down(int i)
    {
        if (_size == 0)
        {
            return;
        }

        var item = _heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Worse(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Worse(_heap[child], item))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = item;
    }
}
