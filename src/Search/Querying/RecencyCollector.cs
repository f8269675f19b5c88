using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>
/// Multiplies every match's score by 1 + 0.5 · h / (h + age in days), h = 180, before the wrapped collector sees it:
/// a fresh document gains up to 50 %, a year-old one about 17 %. Applied to all matches, so paging stays exact; the
/// date comes from the cached <see cref="SegmentColumns"/>, so the boost costs an array read per match.
/// </summary>
internal sealed class RecencyCollector(ICollector inner, long nowMillis) : ICollector
{
    private const double HalfLifeDays = 180;
    private const double Weight = 0.5;
    private const double MillisPerDay = 86_400_000;
    private long[] _dates = [];
    private int _doc;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(new BoostedScorer(scorer, this));

    public void SetNextReader(AtomicReaderContext context)
    {
        _dates = SegmentColumns.Dates(context.AtomicReader);
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        _doc = doc;
        inner.Collect(doc);
    }

    /// <summary>The boosted score of the document being collected.</summary>
    internal float Boost(float score)
    {
        var date = _dates[_doc];
        if (date <= 0)
        {
            return score;
        }

        var ageDays = Math.Max(0, (nowMillis - date) / MillisPerDay);
        return (float)(score * (1 + (Weight * HalfLifeDays / (HalfLifeDays + ageDays))));
    }

    private sealed class BoostedScorer(Scorer scorer, RecencyCollector owner) : Scorer(scorer.Weight)
    {
        public override int DocID => scorer.DocID;

        public override int Freq => scorer.Freq;

        public override float GetScore() => owner.Boost(scorer.GetScore());

        public override int NextDoc() => scorer.NextDoc();

        public override int Advance(int target) => scorer.Advance(target);

        public override long GetCost() => scorer.GetCost();
    }
}
