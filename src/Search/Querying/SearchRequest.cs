namespace GatewayPortal.Search.Querying;

/// <summary>A search as typed by a user, run with that user's principals.</summary>
/// <param name="Query">Search-box text (see <see cref="UserQueryParser"/>).</param>
/// <param name="Principals">The user's principals: groups, <c>user:</c> subject; <c>everyone</c> is always added.</param>
public sealed record SearchRequest(string Query, IReadOnlyCollection<string> Principals)
{
    /// <summary>Largest page size accepted.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Deepest result reachable by paging.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Source facet selected by the user, in addition to any <c>source:</c> in the query.</summary>
    public string? Source { get; init; }

    /// <summary>One-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>
    /// The reader's language tag (e.g. "en"): a hit with a translation into it (<see cref="Documents.SearchDocument.Translations"/>)
    /// shows that translation's title, snippet and location; null or any other language shows the item's own text.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Result order.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
}
