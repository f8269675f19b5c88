using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Storage;
using GatewayPortal.Search.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Crawling.Scheduling;

/// <summary>Reads every site's crawl status (shared by all nodes) every few seconds for the crawl gauges.</summary>
internal sealed partial class CrawlMetricsSampler(
    ISearchDbContextFactory contexts, SearchMetrics metrics, TimeProvider timeProvider, ILogger<CrawlMetricsSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, timeProvider);
        do
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Reads the status rows once.</summary>
    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var rows = await db.CrawlSiteStatus.AsNoTracking().OrderBy(s => s.Site).ToListAsync(cancellationToken).ConfigureAwait(false);
        metrics.CrawlProgress([.. rows.Select(s => new CrawlSiteProgress(
            s.Site, s.State == CrawlState.Running, s.Fetched, s.Indexed, s.Unchanged, s.Removed, s.Skipped, s.Failed, s.Queued))]);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading crawl status for metrics failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
