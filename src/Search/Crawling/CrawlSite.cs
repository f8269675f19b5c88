using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Crawling;

/// <summary>One web site to crawl and its limits.</summary>
/// <param name="StartUrl">First page; its host is always allowed.</param>
public sealed record CrawlSite(Uri StartUrl)
{
    /// <summary>Stable key for crawl state; defaults to the start URL's host.</summary>
    public string Key { get; init; } = StartUrl.Host;

    /// <summary>Further hosts ("intra.example", or "intra.example:8080" for one port) whose links are followed; the start URL's host and port are implied.</summary>
    public IReadOnlyCollection<string> AllowedHosts { get; init; } = [];

    /// <summary>Most pages fetched in one crawl.</summary>
    public int MaxPages { get; init; } = 1_000;

    /// <summary>Most link hops from the start URL or a sitemap entry.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Minimum pause between two requests to one host; a larger robots.txt Crawl-delay wins.</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight at once per host.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 1;

    /// <summary>Bytes read from one page; the rest is cut off.</summary>
    public int MaxPageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Who may see the crawled documents; default everyone.</summary>
    public IReadOnlyCollection<string> AllowedPrincipals { get; init; } = [SearchPrincipals.Everyone];

    /// <summary>Pages finished between two saves of the checkpoint (a crash refetches at most these); a clean stop always saves.</summary>
    public int CheckpointEvery { get; init; } = 25;

    /// <summary>Longest time between two saves of the checkpoint while pages are being finished.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether robots.txt and /sitemap.xml are read for seeds.</summary>
    public bool UseSitemaps { get; init; } = true;

    /// <summary>True when <paramref name="url"/> is on the start URL's host and port or on one of <see cref="AllowedHosts"/>.</summary>
    public bool IsAllowedHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return string.Equals(url.Authority, StartUrl.Authority, StringComparison.OrdinalIgnoreCase)
            || AllowedHosts.Any(h => string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(h, url.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
