namespace GatewayPortal.Search.Crawling;

/// <summary>A URL waiting to be fetched, at its link depth.</summary>
public sealed record CrawlQueueItem(string Url, int Depth);
