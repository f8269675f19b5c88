namespace GatewayPortal.Search.Crawling;

/// <summary>
/// Durable crawl state per site: validators and hashes of fetched pages (for conditional GET and
/// de-duplication) and the checkpoint of an unfinished crawl (for resuming after a restart).
/// </summary>
public interface ICrawlStateStore
{
    /// <summary>The stored state of a URL, or null.</summary>
    ValueTask<CrawledPage?> GetPageAsync(string site, string url, CancellationToken cancellationToken);

    /// <summary>Every page stored for the site.</summary>
    ValueTask<IReadOnlyList<CrawledPage>> GetPagesAsync(string site, CancellationToken cancellationToken);

    /// <summary>URL of an indexed page (one with a document id) whose content has this hash, or null.</summary>
    ValueTask<string?> FindIndexedUrlByHashAsync(string site, string contentHash, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the state of <see cref="CrawledPage.Url"/>.</summary>
    ValueTask SavePageAsync(string site, CrawledPage page, CancellationToken cancellationToken);

    /// <summary>Forgets a URL.</summary>
    ValueTask RemovePageAsync(string site, string url, CancellationToken cancellationToken);

    /// <summary>The checkpoint of an unfinished crawl, or null.</summary>
    ValueTask<CrawlCheckpoint?> GetCheckpointAsync(string site, CancellationToken cancellationToken);

    /// <summary>Saves the checkpoint; null clears it (the crawl finished).</summary>
    ValueTask SaveCheckpointAsync(string site, CrawlCheckpoint? checkpoint, CancellationToken cancellationToken);
}
