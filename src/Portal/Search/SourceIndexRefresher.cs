using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Re-reads one source into the index on a schedule, so changes made elsewhere (another node, the directory) show up
/// in search and what the source no longer yields drops out. A failed read (e.g. the directory is down) leaves the
/// source's documents as they were.
/// </summary>
internal sealed partial class SourceIndexRefresher(
    ISearchIndex index, ISearchSource source, TimeSpan firstAfter, TimeSpan interval, ILogger<SourceIndexRefresher> logger) : BackgroundService
{
    /// <summary>How often the application registry is re-read.</summary>
    public static readonly TimeSpan ApplicationsInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often the staff directory is re-read (the first time shortly after start).</summary>
    public static readonly TimeSpan PeopleInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(firstAfter, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await index.RebuildAsync([source], progress: null, stoppingToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // A full rebuild is running and covers this source too.
                LogSkipped(logger, source.Name, ex);
            }
            catch (GatewayPortal.Identity.Directory.DirectoryUnavailableException ex)
            {
                LogFailed(logger, source.Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-indexing {Source} skipped")]
    private static partial void LogSkipped(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-indexing {Source} failed; its documents stay as they were until the next run")]
    private static partial void LogFailed(ILogger logger, string source, Exception exception);
}
