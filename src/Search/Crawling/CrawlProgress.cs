namespace GatewayPortal.Search.Crawling;

/// <summary>Running counters of one site crawl.</summary>
public sealed record CrawlProgress(
    string Site, int Fetched, int Indexed, int Unchanged, int Skipped, int Removed, int Errors, int QueueLength);
