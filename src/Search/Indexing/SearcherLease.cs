using Lucene.Net.Search;

namespace GatewayPortal.Search.Indexing;

/// <summary>A searcher acquired from the near-real-time manager; dispose to release it.</summary>
internal readonly struct SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable
{
    public IndexSearcher Searcher => searcher;

    public void Dispose() => manager.Release(searcher);
}
