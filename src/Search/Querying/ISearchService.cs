using GatewayPortal.Search.Suggestions;

namespace GatewayPortal.Search.Querying;

/// <summary>Security-trimmed search and suggestions over the node-local index.</summary>
public interface ISearchService
{
    /// <summary>Runs a search; hits, totals and facets only include documents the principals may see.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Page or page size out of range.</exception>
    SearchResults Search(SearchRequest request);

    /// <summary>Titles and names starting with the typed prefix, best first.</summary>
    IReadOnlyList<SearchSuggestion> Suggest(SuggestRequest request);
}
