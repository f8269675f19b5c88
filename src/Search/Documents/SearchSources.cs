namespace GatewayPortal.Search.Documents;

/// <summary>Names of the document sources, as stored in <see cref="SearchDocument.Source"/>.</summary>
public static class SearchSources
{
    /// <summary>Wiki pages.</summary>
    public const string Wiki = "wiki";

    /// <summary>Line-of-business applications from the catalogue.</summary>
    public const string Application = "application";

    /// <summary>Staff directory entries.</summary>
    public const string Person = "person";

    /// <summary>Crawled internal web pages.</summary>
    public const string Web = "web";

    /// <summary>Notices on the portal's boards.</summary>
    public const string Notice = "notice";

    /// <summary>
    /// Maps what a user types after <c>source:</c> (or a facet value) to a source name:
    /// "app" is accepted for <see cref="Application"/>; unknown values are returned lower-cased.
    /// </summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lower = value.Trim().ToLowerInvariant();
        return lower is "app" or "apps" or "system" ? Application : lower;
    }
}
