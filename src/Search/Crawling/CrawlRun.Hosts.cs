using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling;

internal sealed partial class CrawlRun
{
    private const int MaxRobotsBytes = 512 * 1024;
    private const int MaxSitemapBytes = 10 * 1024 * 1024;

    private HostGate Gate(Uri url)
    {
        lock (_lock)
        {
            var key = url.GetLeftPart(UriPartial.Authority);
            if (!_gates.TryGetValue(key, out var gate))
            {
                _gates[key] = gate = new HostGate(site.MaxConcurrencyPerHost, site.PolitenessDelay, time);
            }

            return gate;
        }
    }

    private Task<RobotsRules> RobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = url.GetLeftPart(UriPartial.Authority);
            if (!_robots.TryGetValue(key, out var rules))
            {
                // Started outside the lock's thread so the fetch never runs while the lock is held.
                var robotsUrl = new Uri(key + "/robots.txt");
                _robots[key] = rules = Task.Run(() => FetchRobotsAsync(robotsUrl, cancellationToken), cancellationToken);
            }

            return rules;
        }
    }

    private async Task<RobotsRules> FetchRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        RobotsRules rules;
        try
        {
            var (status, body) = await GetSmallAsync(robotsUrl, MaxRobotsBytes, cancellationToken).ConfigureAwait(false);
            rules = status switch
            {
                >= 200 and < 300 => RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(body)),
                >= 400 and < 500 => RobotsRules.AllowAll,
                _ => RobotsUnavailable(robotsUrl, status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            rules = RobotsUnavailable(robotsUrl, exception.Message);
        }

        if (rules.CrawlDelay is { } crawlDelay)
        {
            var gate = Gate(robotsUrl);
            gate.Delay = crawlDelay > site.PolitenessDelay ? crawlDelay : site.PolitenessDelay;
        }

        return rules;
    }

    // RFC 9309: an unreachable robots.txt means the whole host is disallowed.
    private RobotsRules RobotsUnavailable(Uri robotsUrl, string status)
    {
        logger.RobotsUnavailable(robotsUrl.Authority, status);
        return RobotsRules.DisallowAll;
    }

    private async Task SeedFromSitemapsAsync(Uri start, CancellationToken cancellationToken)
    {
        var robots = await RobotsAsync(start, cancellationToken).ConfigureAwait(false);
        var pending = new Queue<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in robots.Sitemaps.Select(s => CrawlUrl.Resolve(start, s)).Append(new Uri(start, "/sitemap.xml")))
        {
            if (candidate is not null && site.IsAllowedHost(candidate) && seen.Add(candidate.AbsoluteUri))
            {
                pending.Enqueue(candidate);
            }
        }

        var read = 0;
        while (read++ < MaxSitemaps && pending.TryDequeue(out var sitemapUrl))
        {
            try
            {
                var (status, body) = await GetSmallAsync(sitemapUrl, MaxSitemapBytes, cancellationToken).ConfigureAwait(false);
                if (status is < 200 or >= 300)
                {
                    continue;
                }

                var (pages, nested) = SitemapReader.Read(new MemoryStream(body, writable: false));
                foreach (var page in pages.Select(p => CrawlUrl.Resolve(sitemapUrl, p)).OfType<Uri>())
                {
                    Enqueue(page, 0);
                }

                foreach (var child in nested.Select(p => CrawlUrl.Resolve(sitemapUrl, p)).OfType<Uri>())
                {
                    if (site.IsAllowedHost(child) && seen.Add(child.AbsoluteUri))
                    {
                        pending.Enqueue(child);
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.Failed(sitemapUrl, exception);
            }
        }
    }

    /// <summary>GETs a small resource (robots.txt, sitemap) politely, following a few redirects, capped at <paramref name="maxBytes"/>.</summary>
    private async Task<(int Status, byte[] Body)> GetSmallAsync(Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var slot = await Gate(url).EnterAsync(cancellationToken).ConfigureAwait(false);
            using var request = NewRequest(url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode) && CrawlUrl.Resolve(url, response.Headers.Location?.OriginalString) is { } next)
            {
                url = next;
                continue;
            }

            var (body, _) = await ReadCappedAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }

        return (508, []);
    }

    private static HttpRequestMessage NewRequest(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(WebCrawler.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xhtml+xml"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
        return request;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Reads at most <paramref name="maxBytes"/> of the body; never buffers more.</summary>
    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(
        HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var streamDisposal = stream.ConfigureAwait(false);
        var initial = (int)Math.Min(response.Content.Headers.ContentLength ?? 64 * 1024, maxBytes);
        using var buffer = new MemoryStream(Math.Max(initial, 1024));
        var chunk = new byte[16 * 1024];
        while (buffer.Length < maxBytes)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        // At the cap: one more byte tells whether anything was cut.
        var more = await stream.ReadAsync(chunk.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
        return (buffer.ToArray(), more > 0);
    }
}
