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

    /// <summary>The stored title of a translation (<see cref="SearchDocument.Translations"/>) into <paramref name="language"/>.</summary>
    public static string TitleIn(string language) => Title + "." + language;

    /// <summary>The stored body of a translation into <paramref name="language"/>.</summary>
    public static string BodyIn(string language) => Body + "." + language;

    /// <summary>The stored location text of a translation into <paramref name="language"/>.</summary>
    public static string BreadcrumbIn(string language) => Breadcrumb + "." + language;

    /// <summary>Whether <paramref name="language"/> can name a translation's fields: 2 to 8 lower-case ASCII letters.</summary>
    public static bool IsLanguageTag(string? language) => language is { Length: >= 2 and <= 8 } && language.All(char.IsAsciiLetterLower);
}
