namespace GatewayPortal.Search.Crawling.Storage;

/// <summary>The queue and visited set of an unfinished crawl, so a restarted node resumes it.</summary>
public sealed class CrawlCheckpointRow
{
    public string Site { get; set; } = "";

    /// <summary>The checkpoint as JSON.</summary>
    public string Json { get; set; } = "";

    public DateTime SavedUtc { get; set; }
}
