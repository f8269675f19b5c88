using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Search.Crawling.Sites;

/// <summary>Every site to crawl: the configured ones (<c>Search:Crawl:Sites</c>) and those administrators added (database).</summary>
public sealed class CrawlSiteCatalog(IOptions<CrawlOptions> options, ISearchDbContextFactory contexts)
{
    private readonly Lazy<IReadOnlyList<CrawlSiteDefinition>> _configured = new(() => FromOptions(options.Value));

    /// <summary>The configured sites (validated at start).</summary>
    public IReadOnlyList<CrawlSiteDefinition> Configured => _configured.Value;

    /// <summary>Configured sites first, then the database's by name; a database site whose key a configured one took is left out.</summary>
    public async Task<IReadOnlyList<CrawlSiteDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        List<CrawlSiteRow> rows;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            rows = await db.CrawlSites.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var configuredKeys = Configured.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return [.. Configured, .. rows
            .Where(r => !configuredKeys.Contains(r.Key))
            .Select(CrawlSiteDefinition.FromRow)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>The site with <paramref name="key"/>, or null.</summary>
    public async Task<CrawlSiteDefinition?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Key == key);

    /// <summary>Turns configuration into sites; throws naming the key of a bad entry (the host does not start).</summary>
    public static IReadOnlyList<CrawlSiteDefinition> FromOptions(CrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Interval < TimeSpan.FromMinutes(1) || options.PollInterval < TimeSpan.FromMilliseconds(100)
            || options.LeaseDuration < TimeSpan.FromSeconds(4) || options.StatusInterval < TimeSpan.FromMilliseconds(100)
            || options.LogInterval < TimeSpan.FromSeconds(1) || options.CheckpointEvery < 1 || options.FirstAfter < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{CrawlOptions.SectionName}: Interval must be at least 1 minute, PollInterval and StatusInterval 100 ms, LeaseDuration 4 s, " +
                "LogInterval 1 s, CheckpointEvery 1, and FirstAfter not negative.");
        }

        var sites = new List<CrawlSiteDefinition>();
        for (var i = 0; i < options.Sites.Count; i++)
        {
            var site = options.Sites[i];
            var prefix = $"{CrawlOptions.SectionName}:Sites:{i}";
            var start = CrawlSiteForm.ParseUrl(site.StartUrl)
                ?? throw new InvalidOperationException($"{prefix}:StartUrl '{site.StartUrl}' is not an http(s) URL.");
            if (site.MaxPages is < 1 or > 1_000_000 || site.MaxDepth is < 0 or > 50 || site.PolitenessDelay < TimeSpan.Zero
                || site.MaxConcurrencyPerHost is < 1 or > 16 || site.Interval < TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException(
                    $"{prefix}: MaxPages must be 1–1,000,000, MaxDepth 0–50, MaxConcurrencyPerHost 1–16, PolitenessDelay not negative and Interval at least 1 minute.");
            }

            if (site.AllowedHosts.FirstOrDefault(h => !CrawlSiteForm.IsValidHost(h)) is { } badHost)
            {
                throw new InvalidOperationException($"{prefix}:AllowedHosts '{badHost}' is not a host or host:port.");
            }

            var key = string.IsNullOrWhiteSpace(site.Key) ? CrawlSiteDefinition.DefaultKey(start) : site.Key.Trim();
            if (key.Length > SearchModelBuilderExtensions.MaxSiteKeyLength || sites.Any(s => s.Key == key))
            {
                throw new InvalidOperationException(
                    $"{prefix}:Key '{key}' is longer than {SearchModelBuilderExtensions.MaxSiteKeyLength} characters or used by another site; set a distinct Key.");
            }

            sites.Add(new CrawlSiteDefinition
            {
                Key = key,
                Name = string.IsNullOrWhiteSpace(site.Name) ? key : site.Name.Trim(),
                StartUrl = start,
                AllowedHosts = [.. site.AllowedHosts.Select(h => h.Trim().ToLowerInvariant())],
                MaxPages = site.MaxPages,
                MaxDepth = site.MaxDepth,
                PolitenessDelay = site.PolitenessDelay,
                MaxConcurrencyPerHost = site.MaxConcurrencyPerHost,
                Interval = site.Interval ?? options.Interval,
                AllowedPrincipals = SearchPrincipals.ForGroups(site.AllowedGroups),
            });
        }

        return sites;
    }
}
