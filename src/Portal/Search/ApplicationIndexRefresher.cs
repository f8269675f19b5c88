using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Re-reads the application registry into the index every minute, so an administrator's edits (or another node's)
/// show up in search; applications no longer launchable drop out.
/// </summary>
internal sealed partial class ApplicationIndexRefresher(
    ISearchIndex index, ApplicationSearchSource source, ILogger<ApplicationIndexRefresher> logger) : BackgroundService
{
    /// <summary>How often the registry is re-read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await index.RebuildAsync([source], progress: null, stoppingToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // A full rebuild is running and covers the registry too.
                LogSkipped(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Application re-index skipped")]
    private static partial void LogSkipped(ILogger logger, Exception exception);
}
