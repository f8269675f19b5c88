using System.Net;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling;

/// <summary>
/// A polite crawler for internal web sites: robots.txt, sitemaps, per-host delays, conditional GET,
/// EUC-KR/CP949 and UTF-8 pages, canonical URLs and content-hash de-duplication.
/// The <see cref="HttpClient"/> should come from <see cref="CreateHandler"/> so that redirects are
/// handled (and loops detected) by the crawler rather than the handler.
/// </summary>
public sealed class WebCrawler(HttpClient httpClient, ICrawlStateStore stateStore, TimeProvider timeProvider, ILogger<WebCrawler> logger)
{
    /// <summary>The User-Agent header sent with every request; robots.txt groups for "GatewayPortalBot" apply.</summary>
    public const string UserAgent = RobotsRules.AgentToken + "/1.0";

    /// <summary>A handler suited to crawling: no automatic redirects, decompression, no cookies, little draining.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        // Skipped bodies (binary files, the rest of a huge page) are dropped with the connection, not drained.
        MaxResponseDrainSize = 64 * 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// Crawls one site, sending new or changed pages and removals to <paramref name="sink"/>.
    /// An unfinished crawl (cancelled or interrupted) resumes from the state store's checkpoint.
    /// </summary>
    public async Task<CrawlResult> CrawlAsync(
        CrawlSite site, ICrawlSink sink, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(sink);
        var run = new CrawlRun(site, sink, progress, httpClient, stateStore, timeProvider, logger);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
