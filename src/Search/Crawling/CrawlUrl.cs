namespace GatewayPortal.Search.Crawling;

/// <summary>URL normalisation shared by the queue, the state store and document ids.</summary>
internal static class CrawlUrl
{
    /// <summary>Longer URLs are not crawled (state stores key and keep URLs up to this length).</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest document id; ids of longer canonical URLs are hashed.</summary>
    public const int MaxDocumentIdLength = 400;

    /// <summary>Absolute http(s) URL without fragment, with lower-case host and a path; null when not crawlable (or too long).</summary>
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

        return builder.Uri.AbsoluteUri.Length <= MaxUrlLength ? builder.Uri : null;
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

    /// <summary>Search document id for a canonical URL: <c>web:</c> and the URL, or its SHA-256 when that would be too long.</summary>
    public static string DocumentId(Uri canonical)
    {
        var id = "web:" + canonical.AbsoluteUri;
        return id.Length <= MaxDocumentIdLength ? id
            : "web:sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical.AbsoluteUri)));
    }
}
