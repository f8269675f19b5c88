using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;

namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>A site to crawl, from configuration (read-only) or added by an administrator (<see cref="Id"/> set).</summary>
public sealed record CrawlSiteDefinition
{
    /// <summary>Bytes read from one page unless a site says otherwise.</summary>
    public const int DefaultMaxPageBytes = 2 * 1024 * 1024;

    /// <summary>Stable key of the site's crawl state, status and documents.</summary>
    public required string Key { get; init; }

    /// <summary>Name shown to administrators.</summary>
    public required string Name { get; init; }

    /// <summary>Where the crawl starts.</summary>
    public required Uri StartUrl { get; init; }

    /// <summary>Further hosts (host or host:port) whose links are followed.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Most pages fetched per crawl.</summary>
    public int MaxPages { get; init; } = 1_000;

    /// <summary>Most link hops from the start page.</summary>
    public int MaxDepth { get; init; } = 5;

    /// <summary>Pause between two requests to one host.</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight at once per host.</summary>
    public int MaxConcurrencyPerHost { get; init; } = 1;

    /// <summary>Bytes read from one page.</summary>
    public int MaxPageBytes { get; init; } = DefaultMaxPageBytes;

    /// <summary>Time between the end of one crawl and the start of the next.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Search principals that see the pages (everyone, or groups).</summary>
    public IReadOnlyCollection<string> AllowedPrincipals { get; init; } = [SearchPrincipals.Everyone];

    /// <summary>Whether the site is crawled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Row id of a site added on the admin page; null for a configured site.</summary>
    public int? Id { get; init; }

    /// <summary>True for sites from configuration, which the admin page cannot change.</summary>
    public bool FromConfiguration => Id is null;

    /// <summary>The directory groups of <see cref="AllowedPrincipals"/>; empty when everyone sees the pages.</summary>
    public IReadOnlyList<string> AllowedGroups => [.. AllowedPrincipals
        .Where(p => p.StartsWith(GroupPrefix, StringComparison.Ordinal)).Select(p => p[GroupPrefix.Length..])];

    private static string GroupPrefix => SearchPrincipals.Group("");

    /// <summary>The default key of a start URL: its host and (non-default) port, lower-case.</summary>
    public static string DefaultKey(Uri startUrl)
    {
        ArgumentNullException.ThrowIfNull(startUrl);
        return startUrl.Authority.ToLowerInvariant();
    }

    /// <summary>What the crawler needs.</summary>
    public CrawlSite ToCrawlSite(int checkpointEvery) => new(StartUrl)
    {
        Key = Key,
        AllowedHosts = AllowedHosts,
        MaxPages = MaxPages,
        MaxDepth = MaxDepth,
        PolitenessDelay = PolitenessDelay,
        MaxConcurrencyPerHost = MaxConcurrencyPerHost,
        MaxPageBytes = MaxPageBytes,
        AllowedPrincipals = AllowedPrincipals,
        CheckpointEvery = checkpointEvery,
    };

    /// <summary>A site an administrator added.</summary>
    public static CrawlSiteDefinition FromRow(CrawlSiteRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            Id = row.Id,
            Key = row.Key,
            Name = row.Name,
            StartUrl = new Uri(row.StartUrl),
            AllowedHosts = SplitHosts(row.AllowedHosts),
            MaxPages = row.MaxPages,
            MaxDepth = row.MaxDepth,
            PolitenessDelay = TimeSpan.FromMilliseconds(row.PolitenessDelayMs),
            MaxConcurrencyPerHost = row.MaxConcurrencyPerHost,
            MaxPageBytes = row.MaxPageBytes > 0 ? row.MaxPageBytes : DefaultMaxPageBytes,
            Interval = TimeSpan.FromMinutes(row.IntervalMinutes),
            AllowedPrincipals = SplitPrincipals(row.AllowedPrincipals),
            Enabled = row.Enabled,
        };
    }

    /// <summary>Principals as stored in <see cref="CrawlSiteRow.AllowedPrincipals"/>: one per line (group names may hold spaces).</summary>
    public static string JoinPrincipals(IEnumerable<string> principals) => string.Join('\n', principals);

    private static string[] SplitHosts(string hosts) => hosts.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Nothing stored means nobody (the admin form always stores everyone or groups).
    private static string[] SplitPrincipals(string principals) =>
        principals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
