using GatewayPortal.Search.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>Counts every matching document by source and by site (exact: it sees the whole filtered result set).</summary>
internal sealed class FacetCollector : ICollector
{
    public FacetDimension Sources { get; } = new(SearchFields.Source);

    public FacetDimension Sites { get; } = new(SearchFields.Site);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Sources.SetNextReader(context.AtomicReader);
        Sites.SetNextReader(context.AtomicReader);
    }

    /// <summary>Adds the counts of another collector (of a different slice of segments) to these.</summary>
    public void Add(FacetCollector other)
    {
        Sources.Add(other.Sources);
        Sites.Add(other.Sites);
    }

    public void Collect(int doc)
    {
        Sources.Collect(doc);
        Sites.Collect(doc);
    }
}
