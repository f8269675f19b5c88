using GatewayPortal.Search.Analysis;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Snippets;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace GatewayPortal.Search.Querying;

/// <summary>Runs searches against the near-real-time searcher of a <see cref="SearchIndex"/>.</summary>
public sealed partial class SearchService : ISearchService, IDisposable
{
    private static readonly Sort ByDate = new(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true));
    private readonly SearchIndex _index;
    private readonly TimeProvider _time;
    private readonly Analyzer _queryAnalyzer = KoreanEnglishAnalyzer.ForQuery();
    private readonly Analyzer _snippetAnalyzer = KoreanEnglishAnalyzer.ForIndex();
    private readonly Analyzer _prefixAnalyzer = new PrefixAnalyzer(queryMode: true);
    private readonly LuceneQueryBuilder _builder;
    private readonly SnippetBuilder _snippets;
    private readonly PrincipalFilterCache _principalFilters;
    private readonly int _queryThreads;
    private readonly int _parallelMinDocs;

    /// <summary>Creates the service over an open index.</summary>
    public SearchService(SearchIndex index, TimeProvider timeProvider)
    {
        _index = index;
        _time = timeProvider;
        _builder = new LuceneQueryBuilder(_queryAnalyzer);
        _snippets = new SnippetBuilder(_snippetAnalyzer);
        _principalFilters = new PrincipalFilterCache(index.PrincipalFilterCacheSize);
        _queryThreads = index.QueryThreads;
        _parallelMinDocs = index.ParallelQueryMinDocs;
    }

    /// <inheritdoc/>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Page, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNotEqual(request.PageSize is >= 1 and <= SearchRequest.MaxPageSize, true, nameof(request));
        var window = request.Page * request.PageSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, SearchRequest.MaxResultWindow, nameof(request));

        var parsed = UserQueryParser.Parse(request.Query);
        var hasFilters = parsed.Sites.Count > 0 || parsed.Sources.Count > 0 || request.Source is not null;
        using var lease = _index.AcquireSearcher();
        if (_builder.BuildScoring(parsed, hasFilters, lease.Searcher.IndexReader) is not { } scoring)
        {
            return SearchResults.Empty(request.Page, request.PageSize);
        }

        var restriction = LuceneQueryBuilder.BuildRestriction(parsed, request.Source);
        var query = restriction is null ? scoring : new FilteredQuery(scoring, new QueryWrapperFilter(restriction));
        var (page, totalHits, facets) = Collect(lease.Searcher, query, _principalFilters.Get(request.Principals), request, window);
        var terms = _builder.HighlightTerms(parsed);
        var language = SearchFields.IsLanguageTag(request.Language) ? request.Language : null;
        var hits = page.Select(d => ToHit(lease.Searcher.Doc(d.Doc), terms, language)).ToList();
        return new SearchResults(totalHits, request.Page, request.PageSize, hits, facets.Sources.Result(), facets.Sites.Result());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _queryAnalyzer.Dispose();
        _snippetAnalyzer.Dispose();
        _prefixAnalyzer.Dispose();
    }

    // A translation into the reader's language replaces the item's own text part by part; the rest stays the item's own.
    private SearchHit ToHit(Document doc, IReadOnlySet<string> terms, string? language) => new(
        doc.RequiredText(SearchFields.Id),
        doc.RequiredText(SearchFields.Source),
        doc.Text(SearchFields.Site),
        (language is null ? null : doc.Text(SearchFields.TitleIn(language))) ?? doc.RequiredText(SearchFields.Title),
        doc.RequiredText(SearchFields.Url),
        (language is null ? null : doc.Text(SearchFields.BreadcrumbIn(language))) ?? doc.Text(SearchFields.Breadcrumb),
        doc.GetField(SearchFields.Date)?.GetInt64Value() is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null,
        _snippets.Build((language is null ? null : doc.Text(SearchFields.BodyIn(language))) ?? doc.Text(SearchFields.Body) ?? string.Empty, terms));
}
