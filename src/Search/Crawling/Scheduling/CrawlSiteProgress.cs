namespace GatewayPortal.Search.Crawling.Scheduling;

/// <summary>A site's crawl figures as the crawl gauges report them (from <c>crawl_site_status</c>).</summary>
public sealed record CrawlSiteProgress(
    string Site, bool Running, int Fetched, int Indexed, int Unchanged, int Removed, int Skipped, int Failed, int Queued);
