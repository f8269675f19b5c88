namespace GatewayPortal.Search.Crawling.Scheduling;

/// <summary>Where a site's crawl stands (stored by name in <c>crawl_site_status</c>).</summary>
public enum CrawlState
{
    /// <summary>A crawl is running (or its node died; the next lease holder resumes it).</summary>
    Running,

    /// <summary>The last crawl went through.</summary>
    Finished,

    /// <summary>The last crawl stopped on an error.</summary>
    Failed,

    /// <summary>The last crawl was stopped (node shut down, site disabled); it resumes from its checkpoint.</summary>
    Cancelled,

    /// <summary>An administrator asked for a crawl now.</summary>
    Requested,
}
