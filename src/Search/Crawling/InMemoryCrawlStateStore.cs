using System.Collections.Concurrent;

namespace GatewayPortal.Search.Crawling;

/// <summary>Crawl state kept in process memory; lost on restart. Thread-safe.</summary>
public sealed class InMemoryCrawlStateStore : ICrawlStateStore
{
    private readonly ConcurrentDictionary<(string Site, string Url), CrawledPage> _pages = new();
    private readonly ConcurrentDictionary<string, CrawlCheckpoint> _checkpoints = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<CrawledPage?> GetPageAsync(string site, string url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_pages.GetValueOrDefault((site, url)));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<CrawledPage>> GetPagesAsync(string site, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CrawledPage>>(
            [.. _pages.Where(p => string.Equals(p.Key.Site, site, StringComparison.Ordinal)).Select(p => p.Value)]);

    /// <inheritdoc/>
    public ValueTask<string?> FindIndexedUrlByHashAsync(string site, string contentHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_pages
            .Where(p => string.Equals(p.Key.Site, site, StringComparison.Ordinal)
                && p.Value.DocumentId is not null
                && string.Equals(p.Value.ContentHash, contentHash, StringComparison.Ordinal))
            .Select(p => p.Key.Url)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault());

    /// <inheritdoc/>
    public ValueTask SavePageAsync(string site, CrawledPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        _pages[(site, page.Url)] = page;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RemovePageAsync(string site, string url, CancellationToken cancellationToken)
    {
        _pages.TryRemove((site, url), out _);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<CrawlCheckpoint?> GetCheckpointAsync(string site, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_checkpoints.GetValueOrDefault(site));

    /// <inheritdoc/>
    public ValueTask SaveCheckpointAsync(string site, CrawlCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint is null)
        {
            _checkpoints.TryRemove(site, out _);
        }
        else
        {
            _checkpoints[site] = checkpoint;
        }

        return ValueTask.CompletedTask;
    }
}
