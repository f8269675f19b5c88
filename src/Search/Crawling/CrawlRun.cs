using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling;

/// <summary>The state of one site crawl: queue, visited set, counters, robots rules and host gates.</summary>
internal sealed partial class CrawlRun(
    CrawlSite site,
    ICrawlSink sink,
    IProgress<CrawlProgress>? progress,
    HttpClient http,
    ICrawlStateStore store,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxRedirects = 5;
    private const int MaxSitemaps = 20;

    private readonly Lock _lock = new();
    private readonly Queue<CrawlQueueItem> _queue = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _indexedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<RobotsRules>> _robots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostGate> _gates = new(StringComparer.Ordinal);

    // Items taken but not finished, with every URL each one marked visited (itself and its redirect targets).
    private readonly Dictionary<string, (CrawlQueueItem Item, List<string> Claimed)> _inFlight = new(StringComparer.Ordinal);
    private int _fetched, _indexed, _unchanged, _skipped, _removed, _errors;
    private int _sinceCheckpoint;
    private DateTimeOffset _lastCheckpoint;

    public async Task<CrawlResult> RunAsync(CancellationToken cancellationToken)
    {
        var workers = Math.Clamp(site.MaxConcurrencyPerHost * (1 + site.AllowedHosts.Count), 1, 16);
        try
        {
            var resumed = await LoadCheckpointAsync(cancellationToken).ConfigureAwait(false);
            if (!resumed)
            {
                await SeedAsync(cancellationToken).ConfigureAwait(false);
            }

            logger.Started(site.Key, Snapshot().QueueLength, resumed);
            progress?.Report(Snapshot());
            _lastCheckpoint = time.GetUtcNow();
            while (TakeBatch(workers) is { Count: > 0 } batch)
            {
                await Task.WhenAll(batch.Select(item => ProcessSafelyAsync(item, cancellationToken))).ConfigureAwait(false);

                // Saved every few pages, so a crash costs at most those pages (fetched again, conditionally).
                if (_sinceCheckpoint >= site.CheckpointEvery || time.GetUtcNow() - _lastCheckpoint >= site.CheckpointInterval)
                {
                    await store.SaveCheckpointAsync(site.Key, Checkpoint(), cancellationToken).ConfigureAwait(false);
                    _sinceCheckpoint = 0;
                    _lastCheckpoint = time.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A clean stop saves the exact state: the unfinished pages go back to the front of the queue.
            await store.SaveCheckpointAsync(site.Key, Checkpoint(), CancellationToken.None).ConfigureAwait(false);
            logger.Cancelled(site.Key, Snapshot());
            return new CrawlResult(Snapshot(), Completed: false);
        }

        await store.SaveCheckpointAsync(site.Key, null, CancellationToken.None).ConfigureAwait(false);
        var counts = Snapshot();
        progress?.Report(counts);
        logger.Finished(site.Key, counts);
        return new CrawlResult(counts, Completed: true);
    }

    private async Task<bool> LoadCheckpointAsync(CancellationToken cancellationToken)
    {
        if (await store.GetCheckpointAsync(site.Key, cancellationToken).ConfigureAwait(false) is not { } checkpoint)
        {
            return false;
        }

        lock (_lock)
        {
            _visited.UnionWith(checkpoint.Visited);
            _known.UnionWith(checkpoint.Visited);
            foreach (var item in checkpoint.Pending)
            {
                _known.Add(item.Url);
                _queue.Enqueue(item);
            }

            var c = checkpoint.Counts;
            (_fetched, _indexed, _unchanged, _skipped, _removed, _errors) = (c.Fetched, c.Indexed, c.Unchanged, c.Skipped, c.Removed, c.Errors);
        }

        return true;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var start = CrawlUrl.Normalize(site.StartUrl) ?? throw new InvalidOperationException($"Start URL {site.StartUrl} is not http(s).");
        Enqueue(start, 0);
        if (site.UseSitemaps)
        {
            await SeedFromSitemapsAsync(start, cancellationToken).ConfigureAwait(false);
        }

        // Pages from earlier crawls are re-checked even when nothing links to them any more, so removals are noticed.
        foreach (var page in await store.GetPagesAsync(site.Key, cancellationToken).ConfigureAwait(false))
        {
            if (Uri.TryCreate(page.Url, UriKind.Absolute, out var url))
            {
                Enqueue(url, page.Depth);
            }
        }
    }

    private List<CrawlQueueItem> TakeBatch(int size)
    {
        lock (_lock)
        {
            List<CrawlQueueItem> batch = [];
            while (batch.Count < size && _visited.Count < site.MaxPages && _queue.TryDequeue(out var item))
            {
                if (_visited.Add(item.Url))
                {
                    batch.Add(item);
                    _inFlight[item.Url] = (item, [item.Url]);
                }
            }

            return batch;
        }
    }

    private void Enqueue(Uri url, int depth)
    {
        if (depth > site.MaxDepth || !site.IsAllowedHost(url))
        {
            return;
        }

        lock (_lock)
        {
            if (_known.Add(url.AbsoluteUri))
            {
                _queue.Enqueue(new CrawlQueueItem(url.AbsoluteUri, depth));
            }
        }
    }

    private async Task ProcessSafelyAsync(CrawlQueueItem item, CancellationToken cancellationToken)
    {
        var url = new Uri(item.Url);
        try
        {
            await ProcessAsync(url, item.Depth, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            // OperationCanceledException without our token is the HttpClient timeout.
            logger.Failed(url, exception);
            Count(ref _errors);
        }

        lock (_lock)
        {
            _inFlight.Remove(item.Url);
            _sinceCheckpoint++;
        }

        progress?.Report(Snapshot());
    }

    private void Count(ref int counter)
    {
        lock (_lock)
        {
            counter++;
        }
    }

    private CrawlProgress Snapshot()
    {
        lock (_lock)
        {
            return new CrawlProgress(site.Key, _fetched, _indexed, _unchanged, _skipped, _removed, _errors, _queue.Count);
        }
    }

    private CrawlCheckpoint Checkpoint()
    {
        var counts = Snapshot();
        lock (_lock)
        {
            var claimed = _inFlight.Values.SelectMany(f => f.Claimed).ToHashSet(StringComparer.Ordinal);
            return new CrawlCheckpoint(
                [.. _inFlight.Values.Select(f => f.Item), .. _queue], [.. _visited.Where(v => !claimed.Contains(v))], counts);
        }
    }
}
