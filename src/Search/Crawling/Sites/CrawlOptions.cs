namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>
/// Internal web sites to crawl into search (<c>Search:Crawl</c>). Sites listed here are read-only on the admin page;
/// administrators add more there (stored in the database). One node of the cluster crawls at a time (lease <c>crawl</c>).
/// </summary>
public sealed class CrawlOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Search:Crawl";

    /// <summary>The configured sites; none by default (Development adds the demo site).</summary>
    public IList<CrawlSiteOptions> Sites { get; } = [];

    /// <summary>Delay after start before the first look for sites to crawl.</summary>
    public TimeSpan FirstAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a configured site is crawled again unless it sets its own (unchanged pages cost a conditional GET).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often a node looks for due sites and "crawl now" requests made on any node.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the crawl lease lasts without renewal; it is renewed every quarter of this while crawling.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a running crawl writes its progress for the admin page (any node shows it).</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running crawl logs its progress.</summary>
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pages finished between two saves of the resume checkpoint.</summary>
    public int CheckpointEvery { get; set; } = 25;
}

/// <summary>One configured site to crawl.</summary>
public sealed class CrawlSiteOptions
{
    /// <summary>Stable key of the site's state and documents; default the start URL's host and port.</summary>
    public string? Key { get; set; }

    /// <summary>Name shown on the admin page; default the key.</summary>
    public string? Name { get; set; }

    /// <summary>Where the crawl starts (http or https).</summary>
    public string StartUrl { get; set; } = "";

    /// <summary>Further hosts (host or host:port) whose links are followed; the start URL's host is always allowed.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Most pages fetched per crawl.</summary>
    public int MaxPages { get; set; } = 1_000;

    /// <summary>Most links followed from the start page.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Pause between two requests to one host.</summary>
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight at once per host.</summary>
    public int MaxConcurrencyPerHost { get; set; } = 1;

    /// <summary>How often the site is crawled again; default <see cref="CrawlOptions.Interval"/>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Directory groups whose members see the pages in search; empty: every signed-in member of staff.</summary>
    public IList<string> AllowedGroups { get; } = [];
}
