using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>A stripped-down search for benchmarks: match and count only (no scoring collectors, facets or snippets).</summary>
public sealed partial class SearchService
{
    /// <summary>Counts the matches the principals may see, without ranking, facets or hits.</summary>
    internal int CountOnly(SearchRequest request)
    {
        var parsed = UserQueryParser.Parse(request.Query);
        var hasFilters = parsed.Sites.Count > 0 || parsed.Sources.Count > 0 || request.Source is not null;
        using var lease = _index.AcquireSearcher();
        if (_builder.BuildScoring(parsed, hasFilters, lease.Searcher.IndexReader) is not { } scoring)
        {
            return 0;
        }

        var restriction = LuceneQueryBuilder.BuildRestriction(parsed, request.Source);
        var query = restriction is null ? scoring : new FilteredQuery(scoring, new QueryWrapperFilter(restriction));
        var count = new TotalHitCountCollector();
        lease.Searcher.Search(query, _principalFilters.Get(request.Principals), count);
        return count.TotalHits;
    }
}
