namespace GatewayPortal.Search.Crawling;

/// <summary>The address a crawled page shows in results.</summary>
public static class CrawlAddress
{
    /// <summary>Host, port when it is not the scheme's default, and path: <c>intranet:8080/x</c> (a host alone would name another site).</summary>
    public static string Display(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Authority + url.AbsolutePath;
    }
}
