namespace GatewayPortal.Portal.Search;

/// <summary>Internal web sites to crawl into search (<c>Search:Crawl</c>).</summary>
public sealed class CrawlOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Search:Crawl";

    /// <summary>The sites; none by default (Development adds the demo site).</summary>
    public IList<CrawlSiteOptions> Sites { get; } = [];

    /// <summary>Delay after start before the first crawl.</summary>
    public TimeSpan FirstAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often every site is crawled again (unchanged pages cost a conditional GET).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>One site to crawl.</summary>
public sealed class CrawlSiteOptions
{
    /// <summary>Where the crawl starts (http or https).</summary>
    public string StartUrl { get; set; } = "";

    /// <summary>Hosts (host[:port]) whose links are followed; empty: the start URL's host only.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Most pages fetched per crawl.</summary>
    public int MaxPages { get; set; } = 1_000;

    /// <summary>Most links followed from the start page.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Pause between two requests to one host.</summary>
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(1);
}
