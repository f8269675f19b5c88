using System.Net;
using System.Security.Cryptography;
using System.Text;
using GatewayPortal.Search.Documents;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling;

internal sealed partial class CrawlRun
{
    private async Task ProcessAsync(Uri url, int depth, CancellationToken cancellationToken)
    {
        var start = url.AbsoluteUri;
        HashSet<string> chain = [start];
        for (var hop = 0; ; hop++)
        {
            if (!(await RobotsAsync(url, cancellationToken).ConfigureAwait(false)).IsAllowed(url))
            {
                Skip(url, "disallowed by robots.txt");
                await ForgetAsync(url, await store.GetPageAsync(site.Key, url.AbsoluteUri, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (await FetchAsync(url, depth, hop == 0, cancellationToken).ConfigureAwait(false) is not { } next)
            {
                return;
            }

            if (!site.IsAllowedHost(next))
            {
                Skip(url, "redirects off the allowed hosts to " + next);
                return;
            }

            if (!chain.Add(next.AbsoluteUri) || hop + 1 > MaxRedirects)
            {
                logger.Failed(url, "redirect loop or more than 5 redirects");
                Count(ref _errors);
                return;
            }

            lock (_lock)
            {
                _known.Add(next.AbsoluteUri);
                if (!_visited.Add(next.AbsoluteUri))
                {
                    // The target is crawled on its own.
                    _skipped++;
                    return;
                }

                if (_inFlight.TryGetValue(start, out var flight))
                {
                    flight.Claimed.Add(next.AbsoluteUri);
                }
            }

            url = next;
        }
    }

    /// <summary>One request; returns the redirect target, or null when the URL is done.</summary>
    private async Task<Uri?> FetchAsync(Uri url, int depth, bool first, CancellationToken cancellationToken)
    {
        var stored = await store.GetPageAsync(site.Key, url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        using var slot = await Gate(url).EnterAsync(cancellationToken).ConfigureAwait(false);
        using var request = NewRequest(url);
        if (stored?.ETag is { } etag && System.Net.Http.Headers.EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (stored?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (first)
        {
            Count(ref _fetched);
        }

        var status = response.StatusCode;
        if (IsRedirect(status))
        {
            if (CrawlUrl.Resolve(url, response.Headers.Location?.OriginalString) is { } next)
            {
                return next;
            }

            logger.Failed(url, "redirect without a usable Location");
            Count(ref _errors);
            return null;
        }

        if (status == HttpStatusCode.NotModified)
        {
            Count(ref _unchanged);
            TrackUnchanged(stored);
            return null;
        }

        if (status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            await RemoveAsync(url, stored, (int)status, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            logger.Failed(url, "HTTP " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Count(ref _errors);
            return null;
        }

        var contentType = response.Content.Headers.ContentType;
        if (contentType?.MediaType is not ("text/html" or "application/xhtml+xml"))
        {
            // The body is never read: disposing the response drops it.
            Skip(url, "content type " + (contentType?.MediaType ?? "none"));
            await ForgetAsync(url, stored, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var (body, truncated) = await ReadCappedAsync(response, site.MaxPageBytes, cancellationToken).ConfigureAwait(false);
        if (truncated)
        {
            logger.Truncated(url, body.Length);
        }

        var encoding = HtmlCharset.Detect(body, contentType.CharSet);
        var page = HtmlPageParser.Parse(encoding.GetString(body), url);
        var validators = new CrawledPage(
            url.AbsoluteUri, null, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, null, depth);
        await IndexAsync(url, page, validators, stored, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task IndexAsync(Uri url, HtmlPage page, CrawledPage state, CrawledPage? stored, CancellationToken cancellationToken)
    {
        if (!page.NoFollow && state.Depth < site.MaxDepth)
        {
            foreach (var link in page.Links)
            {
                Enqueue(link, state.Depth + 1);
            }
        }

        if (page.NoIndex)
        {
            Skip(url, "meta robots noindex");
            await ForgetAsync(url, stored, cancellationToken).ConfigureAwait(false);
            return;
        }

        var canonical = page.Canonical is { } c && site.IsAllowedHost(c) ? c : url;
        var documentId = CrawlUrl.DocumentId(canonical);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.Title + "\n" + page.Body)));
        state = state with { ContentHash = hash };

        // Same canonical URL or same text as a page indexed earlier (this run or before) means a duplicate.
        var earlier = await store.FindIndexedUrlByHashAsync(site.Key, hash, cancellationToken).ConfigureAwait(false);
        var duplicate = earlier is not null && earlier != url.AbsoluteUri && stored?.DocumentId is null;
        lock (_lock)
        {
            duplicate = duplicate || _indexedIds.Contains(documentId)
                || (_hashes.TryGetValue(hash, out var owner) && owner != url.AbsoluteUri);
            if (!duplicate)
            {
                _indexedIds.Add(documentId);
                _hashes[hash] = url.AbsoluteUri;
            }
        }

        if (duplicate)
        {
            await DropDocumentAsync(stored, keep: null, cancellationToken).ConfigureAwait(false);
            await store.SavePageAsync(site.Key, state, cancellationToken).ConfigureAwait(false);
            Skip(url, "duplicate content or canonical URL already indexed");
            return;
        }

        if (stored is not null && stored.DocumentId == documentId && stored.ContentHash == hash)
        {
            // The server ignored the validators but the text is the same: nothing to re-index.
            await store.SavePageAsync(site.Key, state with { DocumentId = documentId }, cancellationToken).ConfigureAwait(false);
            Count(ref _unchanged);
            return;
        }

        var document = new SearchDocument
        {
            Id = documentId,
            Source = SearchSources.Web,
            Site = canonical.Host,
            Title = page.Title ?? canonical.AbsoluteUri,
            Headings = page.Headings,
            Body = page.Description is { } description ? description + "\n" + page.Body : page.Body,
            Url = canonical.AbsoluteUri,
            Breadcrumb = CrawlAddress.Display(canonical),
            Date = state.LastModified ?? time.GetUtcNow(),
            AllowedPrincipals = site.AllowedPrincipals,
        };
        await sink.IndexAsync(document, cancellationToken).ConfigureAwait(false);
        await DropDocumentAsync(stored, keep: documentId, cancellationToken).ConfigureAwait(false);
        await store.SavePageAsync(site.Key, state with { DocumentId = documentId, Document = document }, cancellationToken).ConfigureAwait(false);
        Count(ref _indexed);
    }

    private async Task RemoveAsync(Uri url, CrawledPage? stored, int status, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            Skip(url, "broken link (" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
            return;
        }

        // The index first: interrupted in between, the stored state makes the next crawl remove it again.
        if (stored.DocumentId is { } documentId)
        {
            await sink.RemoveAsync(documentId, cancellationToken).ConfigureAwait(false);
        }

        await store.RemovePageAsync(site.Key, url.AbsoluteUri, cancellationToken).ConfigureAwait(false);

        logger.Removed(url, status);
        Count(ref _removed);
    }

    // A page that no longer yields its old document (now a duplicate, under another canonical URL, noindex, not HTML or
    // disallowed) takes it out of the index, unless another page claimed that id in this crawl.
    private async Task DropDocumentAsync(CrawledPage? stored, string? keep, CancellationToken cancellationToken)
    {
        if (stored?.DocumentId is not { } old || old == keep)
        {
            return;
        }

        lock (_lock)
        {
            if (_indexedIds.Contains(old))
            {
                return;
            }
        }

        await sink.RemoveAsync(old, cancellationToken).ConfigureAwait(false);
    }

    // A page that is no longer indexable is forgotten with its document.
    private async Task ForgetAsync(Uri url, CrawledPage? stored, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return;
        }

        await DropDocumentAsync(stored, keep: null, cancellationToken).ConfigureAwait(false);
        await store.RemovePageAsync(site.Key, url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
    }

    // An unchanged page still claims its hash and id, so a copy elsewhere stays a duplicate.
    private void TrackUnchanged(CrawledPage? stored)
    {
        if (stored is { ContentHash: { } hash, DocumentId: { } id })
        {
            lock (_lock)
            {
                _hashes.TryAdd(hash, stored.Url);
                _indexedIds.Add(id);
            }
        }
    }

    private void Skip(Uri url, string reason)
    {
        logger.Skipped(url, reason);
        Count(ref _skipped);
    }
}
