using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Suggestions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>Prefix suggestions from the edge-n-gram field.</summary>
public sealed partial class SearchService
{
    private const int MaxSuggestions = 20;

    /// <inheritdoc/>
    public IReadOnlyList<SearchSuggestion> Suggest(SuggestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = _prefixAnalyzer.Tokenize(SearchFields.Suggest, request.Prefix ?? string.Empty);
        if (words.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var prefix = word.Term.Length > PrefixAnalyzer.MaxPrefixLength ? word.Term[..PrefixAnalyzer.MaxPrefixLength] : word.Term;
            query.Add(new TermQuery(new Term(SearchFields.Suggest, prefix)), Occur.MUST);
        }

        Query restricted = request.Source is null
            ? query
            : new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Source, SearchSources.Normalize(request.Source)))));
        using var lease = _index.AcquireSearcher();
        var top = lease.Searcher.Search(restricted, _principalFilters.Get(request.Principals), Math.Clamp(request.Limit, 1, MaxSuggestions));
        return [.. top.ScoreDocs.Select(d => lease.Searcher.Doc(d.Doc)).Select(doc => new SearchSuggestion(
            doc.RequiredText(SearchFields.Id), doc.RequiredText(SearchFields.Source), doc.RequiredText(SearchFields.Title), doc.RequiredText(SearchFields.Url)))];
    }
}
