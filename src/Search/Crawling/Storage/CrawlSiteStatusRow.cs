using GatewayPortal.Search.Crawling.Scheduling;

namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>Progress and outcome of a site's current or last crawl, shared by every node for the admin page.</summary>
public sealed class CrawlSiteStatusRow
{
    public string Site { get; set; } = "";

    /// <summary>Where the crawl stands.</summary>
    public CrawlState State { get; set; }

    /// <summary>Node that runs or ran the crawl.</summary>
    public string? Node { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    public int Fetched { get; set; }

    public int Indexed { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    public int Queued { get; set; }

    public string? LastError { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
