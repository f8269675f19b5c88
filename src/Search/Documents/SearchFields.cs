namespace GatewayPortal.Search.Documents;

/// <summary>Lucene field names of the index schema.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Source = "source";
    public const string Site = "site";
    public const string SiteMatch = "site_match";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string Suggest = "suggest";
    public const string Headings = "headings";
    public const string Body = "body";
    public const string Url = "url";
    public const string Breadcrumb = "breadcrumb";
    public const string Date = "date";
    public const string Language = "language";
    public const string Principals = "principals";
    public const string IndexedAt = "indexed_at";
}
