using System.Collections.Concurrent;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Crawls the configured internal sites into this node's index shortly after start and then on a schedule, one site
/// at a time; keeps each site's latest counters for the index admin page. Bad configuration stops the start with the key named.
/// </summary>
public sealed partial class CrawlScheduler(
    IOptions<CrawlOptions> options, IServiceProvider services, ISearchIndex index, ILogger<CrawlScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, CrawlStatus> _status = new(StringComparer.Ordinal);

    /// <summary>The latest counters per site (running or finished).</summary>
    public IReadOnlyCollection<CrawlStatus> Status => [.. _status.Values.OrderBy(s => s.Site, StringComparer.Ordinal)];

    /// <summary>Turns configuration into crawl sites; throws naming the key of a bad entry.</summary>
    public static IReadOnlyList<CrawlSite> Sites(CrawlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sites = new List<CrawlSite>();
        for (var i = 0; i < options.Sites.Count; i++)
        {
            var site = options.Sites[i];
            if (!Uri.TryCreate(site.StartUrl, UriKind.Absolute, out var start) || (start.Scheme != Uri.UriSchemeHttp && start.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{CrawlOptions.SectionName}:Sites:{i}:StartUrl '{site.StartUrl}' is not an http(s) URL.");
            }

            if (site.MaxPages is < 1 or > 1_000_000 || site.MaxDepth is < 0 or > 50 || site.PolitenessDelay < TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{CrawlOptions.SectionName}:Sites:{i}: MaxPages must be 1–1,000,000, MaxDepth 0–50 and PolitenessDelay not negative.");
            }

            sites.Add(new CrawlSite(start)
            {
                AllowedHosts = site.AllowedHosts.Count > 0 ? [.. site.AllowedHosts] : [start.Authority],
                MaxPages = site.MaxPages,
                MaxDepth = site.MaxDepth,
                PolitenessDelay = site.PolitenessDelay,
            });
        }

        return sites;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var sites = Sites(settings);
        if (sites.Count == 0)
        {
            return;
        }

        await Task.Delay(settings.FirstAfter, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(settings.Interval);
        do
        {
            foreach (var site in sites)
            {
                await CrawlAsync(site, stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task CrawlAsync(CrawlSite site, CancellationToken stoppingToken)
    {
        var key = site.StartUrl.ToString();
        var progress = new Progress<CrawlProgress>(p => _status[key] = new CrawlStatus(key, p, Running: true));
        try
        {
            // A fresh typed client per crawl, so the HTTP handler rotates as IHttpClientFactory intends.
            var crawler = services.GetRequiredService<WebCrawler>();
            var result = await crawler.CrawlAsync(site, new SearchIndexCrawlSink(index), progress, stoppingToken).ConfigureAwait(false);
            _status[key] = new CrawlStatus(key, result.Counts, Running: false);
            LogCrawled(logger, key, result.Counts.Indexed, result.Counts.Unchanged, result.Counts.Removed, result.Counts.Errors);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            LogFailed(logger, key, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Site}: {Indexed} indexed, {Unchanged} unchanged, {Removed} removed, {Errors} errors")]
    private static partial void LogCrawled(ILogger logger, string site, int indexed, int unchanged, int removed, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawling {Site} failed")]
    private static partial void LogFailed(ILogger logger, string site, Exception exception);
}

/// <summary>One site's latest crawl counters.</summary>
public sealed record CrawlStatus(string Site, CrawlProgress Counts, bool Running);
