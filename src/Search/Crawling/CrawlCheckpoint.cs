namespace GatewayPortal.Search.Crawling;

/// <summary>An unfinished crawl: what is still queued and what was already visited.</summary>
public sealed record CrawlCheckpoint(
    IReadOnlyList<CrawlQueueItem> Pending, IReadOnlyCollection<string> Visited, CrawlProgress Counts);
