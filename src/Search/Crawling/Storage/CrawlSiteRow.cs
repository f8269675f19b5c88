namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>A web site an administrator added on the admin page (sites from configuration are not stored).</summary>
public sealed class CrawlSiteRow
{
    public int Id { get; set; }

    /// <summary>Stable key of the site's crawl state and documents (usually the start URL's host).</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string StartUrl { get; set; } = "";

    /// <summary>Further hosts whose links are followed, separated by spaces.</summary>
    public string AllowedHosts { get; set; } = "";

    /// <summary>Who may see the crawled pages (search principals), one per line (group names may hold spaces).</summary>
    public string AllowedPrincipals { get; set; } = "";

    public int MaxPages { get; set; }

    public int MaxDepth { get; set; }

    public int PolitenessDelayMs { get; set; }

    public int MaxConcurrencyPerHost { get; set; }

    public int MaxPageBytes { get; set; }

    /// <summary>Minutes between two crawls of this site.</summary>
    public int IntervalMinutes { get; set; }

    public bool Enabled { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public string? UpdatedBy { get; set; }
}
