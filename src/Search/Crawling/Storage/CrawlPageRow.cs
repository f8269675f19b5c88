namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>What the crawler knows of one URL of a site (for conditional GET, de-duplication and removal).</summary>
public sealed class CrawlPageRow
{
    public long Id { get; set; }

    public string Site { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>SHA-256 (hex) of <see cref="Url"/>: the unique key (URLs are too long for every index).</summary>
    public string UrlHash { get; set; } = "";

    /// <summary>Search document id when the page is indexed; null for redirects, duplicates and non-HTML.</summary>
    public string? DocumentId { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset? LastModified { get; set; }

    public string? ContentHash { get; set; }

    public int Depth { get; set; }

    /// <summary>
    /// The extracted search document as JSON (title, headings, body text, principals) when indexed: other nodes
    /// index it from here when the change feed names it, and an index rebuild takes it without recrawling.
    /// </summary>
    public string? DocumentJson { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
