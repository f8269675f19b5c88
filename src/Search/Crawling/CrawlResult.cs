namespace GatewayPortal.Search.Crawling;

/// <summary>Final counters of a site crawl; <see cref="Completed"/> is false when it was cancelled.</summary>
public sealed record CrawlResult(CrawlProgress Counts, bool Completed);
