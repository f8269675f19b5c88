using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Sites;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Search.Crawling.Scheduling;

/// <summary>
/// Crawls the sites that are due (never crawled, asked for, interrupted, or older than their interval), one at a time,
/// on the one node that holds the <c>crawl</c> lease; it renews the lease while crawling and stops when it loses it.
/// Progress goes to the shared status table and the log; state goes to the database, so a restart resumes.
/// </summary>
public sealed partial class CrawlScheduler(
    IOptions<CrawlOptions> options,
    CrawlSiteCatalog catalog,
    CrawlStatusStore status,
    CrawlSitePurger purger,
    ISearchLeases leases,
    ISearchNode node,
    IServiceProvider services,
    ISearchIndex index,
    TimeProvider time,
    ILogger<CrawlScheduler> logger) : BackgroundService
{
    /// <summary>The lease that makes one node of the cluster the crawler.</summary>
    public const string LeaseName = "crawl";

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private (string Site, CancellationTokenSource Stop)? _current;

    /// <summary>Looks for due sites now rather than at the next poll (after a "crawl now" on this node).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Stops the crawl of <paramref name="site"/> if this node runs it (the site was disabled or deleted).</summary>
    public void Stop(string site)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Site == site)
            {
                current.Stop.Cancel();
            }
        }
    }

    /// <summary>True when <paramref name="status"/> makes the site due now.</summary>
    public static bool IsDue(CrawlSiteDefinition site, CrawlSiteStatusRow? status, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(site);
        return site.Enabled && (status is null
            || status.State is CrawlState.Requested or CrawlState.Running or CrawlState.Cancelled
            || status.FinishedUtc is null
            || status.FinishedUtc.Value + site.Interval <= nowUtc);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await Task.Delay(settings.FirstAfter, time, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CrawlDueSitesAsync(settings, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down for a while: try again at the next poll.
                    LogLoopFailed(logger, ex);
                }

                await _wake.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await ReleaseLeaseAsync().ConfigureAwait(false);
        }
    }

    private async Task CrawlDueSitesAsync(CrawlOptions settings, CancellationToken stoppingToken)
    {
        var holding = false;
        while (await NextDueAsync(stoppingToken).ConfigureAwait(false) is { } site)
        {
            if (!await leases.TryAcquireAsync(LeaseName, settings.LeaseDuration, stoppingToken).ConfigureAwait(false))
            {
                LogLeaseHeld(logger, site.Key);
                return;
            }

            holding = true;
            await CrawlAsync(site, settings, stoppingToken).ConfigureAwait(false);
        }

        // Nothing due: let another node take over at once if this one goes away.
        if (holding)
        {
            await leases.ReleaseAsync(LeaseName, stoppingToken).ConfigureAwait(false);
        }
    }

    // Asked-for sites first, then interrupted ones, then the one waiting longest.
    private async Task<CrawlSiteDefinition?> NextDueAsync(CancellationToken cancellationToken)
    {
        var sites = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        var states = await status.GetAllAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        return sites
            .Select(s => (Site: s, Status: states.GetValueOrDefault(s.Key)))
            .Where(s => IsDue(s.Site, s.Status, now))
            .OrderBy(s => s.Status?.State switch
            {
                CrawlState.Requested => 0,
                CrawlState.Running or CrawlState.Cancelled => 1,
                _ => 2,
            })
            .ThenBy(s => s.Status?.FinishedUtc ?? DateTime.MinValue)
            .Select(s => s.Site)
            .FirstOrDefault();
    }

    private async Task CrawlAsync(CrawlSiteDefinition site, CrawlOptions settings, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        lock (_lock)
        {
            _current = (site.Key, stop);
        }

        var store = services.GetRequiredService<ICrawlStateStore>();
        var resuming = await store.GetCheckpointAsync(site.Key, stoppingToken).ConfigureAwait(false) is not null;
        await status.StartedAsync(site.Key, node.Name, resuming, stoppingToken).ConfigureAwait(false);
        var progress = new LatestProgress();
        using var heartbeat = new CancellationTokenSource();
        var beats = HeartbeatAsync(site, settings, progress, stop, heartbeat.Token);
        CrawlState state;
        CrawlProgress? counts = null;
        string? error = null;
        try
        {
            // A fresh typed client per crawl, so the HTTP handler rotates as IHttpClientFactory intends.
            var crawler = services.GetRequiredService<WebCrawler>();
            var result = await crawler.CrawlAsync(site.ToCrawlSite(settings.CheckpointEvery), new SearchIndexCrawlSink(index), progress, stop.Token)
                .ConfigureAwait(false);
            counts = result.Counts;
            state = result.Completed ? CrawlState.Finished : CrawlState.Cancelled;
            if (result.Completed)
            {
                LogCrawled(logger, site.Key, counts.Fetched, counts.Indexed, counts.Unchanged, counts.Removed, counts.Errors);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            state = CrawlState.Failed;
            counts = progress.Value;
            error = ex.Message;
            LogFailed(logger, site.Key, ex);
        }
        catch (OperationCanceledException)
        {
            state = CrawlState.Cancelled;
            counts = progress.Value;
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await beats.ConfigureAwait(false);
            lock (_lock)
            {
                _current = null;
            }
        }

        // The state is written even while shutting down; a site deleted meanwhile loses what this crawl stored since.
        if (await catalog.FindAsync(site.Key, CancellationToken.None).ConfigureAwait(false) is null)
        {
            await purger.PurgeSiteAsync(site.Key, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await status.EndedAsync(site.Key, state, counts, error, CancellationToken.None).ConfigureAwait(false);
    }

    // Writes progress for the admin page, logs it, renews the lease (stopping the crawl when it is lost) and stops the
    // crawl when an administrator disables or deletes the site on any node.
    private async Task HeartbeatAsync(CrawlSiteDefinition site, CrawlOptions settings, LatestProgress progress, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        var renewEvery = settings.LeaseDuration / 4;
        var lastRenew = time.GetUtcNow();
        var lastLog = time.GetUtcNow();
        CrawlProgress? written = null;
        using var timer = new PeriodicTimer(settings.StatusInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var now = time.GetUtcNow();
                    if (progress.Value is { } latest && latest != written)
                    {
                        await status.ProgressAsync(site.Key, latest, cancellationToken).ConfigureAwait(false);
                        written = latest;
                        if (now - lastLog >= settings.LogInterval)
                        {
                            LogProgress(logger, site.Key, latest.Fetched, latest.QueueLength, latest.Indexed, latest.Errors);
                            lastLog = now;
                        }
                    }

                    if (now - lastRenew >= renewEvery)
                    {
                        lastRenew = now;
                        if (!await leases.TryAcquireAsync(LeaseName, settings.LeaseDuration, cancellationToken).ConfigureAwait(false))
                        {
                            LogLeaseLost(logger, site.Key);
                            await stop.CancelAsync().ConfigureAwait(false);
                            return;
                        }
                    }

                    if (await catalog.FindAsync(site.Key, cancellationToken).ConfigureAwait(false) is not { Enabled: true })
                    {
                        LogStoppedByAdministrator(logger, site.Key);
                        await stop.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, site.Key, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The crawl ended.
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(LeaseName, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The lease expires on its own.
            LogReleaseFailed(logger, ex);
        }
    }

    /// <summary>Keeps the latest report, synchronously (no posting to a synchronization context).</summary>
    private sealed class LatestProgress : IProgress<CrawlProgress>
    {
        private CrawlProgress? _value;

        public CrawlProgress? Value => Volatile.Read(ref _value);

        public void Report(CrawlProgress value) => Volatile.Write(ref _value, value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawled {Site}: {Fetched} fetched, {Indexed} indexed, {Unchanged} unchanged, {Removed} removed, {Errors} errors")]
    private static partial void LogCrawled(ILogger logger, string site, int fetched, int indexed, int unchanged, int removed, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawling {Site}: {Fetched} fetched, {Queued} queued, {Indexed} indexed, {Errors} errors")]
    private static partial void LogProgress(ILogger logger, string site, int fetched, int queued, int indexed, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawling {Site} failed")]
    private static partial void LogFailed(ILogger logger, string site, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Site} is due but another node holds the crawl lease")]
    private static partial void LogLeaseHeld(ILogger logger, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the crawl lease while crawling {Site}; stopping (the lease holder resumes it)")]
    private static partial void LogLeaseLost(ILogger logger, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawl of {Site} stopped: the site was disabled or deleted")]
    private static partial void LogStoppedByAdministrator(ILogger logger, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crawl heartbeat of {Site} failed; it retries")]
    private static partial void LogHeartbeatFailed(ILogger logger, string site, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for sites to crawl failed; retrying at the next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing the crawl lease failed; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
