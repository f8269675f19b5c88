namespace GatewayPortal.Search.Crawling;

/// <summary>URL normalisation shared by the queue, the state store and document ids.</summary>
internal static class CrawlUrl
{
    /// <summary>Absolute http(s) URL without fragment, with lower-case host and a path; null when not crawlable.</summary>
    public static Uri? Normalize(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var builder = new UriBuilder(url) { Fragment = string.Empty, Host = url.Host.ToLowerInvariant() };
        if (builder.Uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    /// <summary>Resolves <paramref name="href"/> against <paramref name="baseUrl"/> and normalises it.</summary>
    public static Uri? Resolve(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        return Uri.TryCreate(baseUrl, href.Trim(), out var resolved) ? Normalize(resolved) : null;
    }

    /// <summary>Search document id for a canonical URL.</summary>
    public static string DocumentId(Uri canonical) => "web:" + canonical.AbsoluteUri;
}
