namespace GatewayPortal.Search.Querying;

/// <summary>One page of results with exact, security-trimmed counts.</summary>
/// <param name="TotalHits">Documents the user may see that match.</param>
/// <param name="Page">One-based page number.</param>
/// <param name="PageSize">Requested page size.</param>
/// <param name="Hits">The page's hits.</param>
/// <param name="Sources">Matching documents per source.</param>
/// <param name="Sites">Matching documents per host.</param>
public sealed record SearchResults(
    int TotalHits,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Sites)
{
    /// <summary>An empty result for a query with nothing to search for.</summary>
    public static SearchResults Empty(int page, int pageSize) => new(0, page, pageSize, [], [], []);
}
