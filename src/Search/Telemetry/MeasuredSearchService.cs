using System.Diagnostics;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Suggestions;

namespace GatewayPortal.Search.Telemetry;

/// <summary>Times every search and suggestion for <see cref="SearchMetrics"/>.</summary>
public sealed class MeasuredSearchService(ISearchService inner, SearchMetrics metrics) : ISearchService
{
    /// <inheritdoc/>
    public SearchResults Search(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var results = inner.Search(request);
        metrics.Query("search", request.Source, Stopwatch.GetElapsedTime(started));
        return results;
    }

    /// <inheritdoc/>
    public IReadOnlyList<SearchSuggestion> Suggest(SuggestRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var suggestions = inner.Suggest(request);
        metrics.Query("suggest", request.Source, Stopwatch.GetElapsedTime(started));
        return suggestions;
    }
}
