using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Search.Indexing;

/// <summary>
/// Re-reads one source into the index on a schedule, so changes made elsewhere (another node, the directory) show up
/// in search and what the source no longer yields drops out. A failed read (e.g. the directory is down) leaves the
/// source's documents as they were (the source says so with <see cref="SearchSourceUnavailableException"/>).
/// </summary>
public sealed partial class SourceIndexRefresher(
    ISearchIndex index, ISearchSource source, TimeSpan firstAfter, TimeSpan interval, ILogger<SourceIndexRefresher> logger) : BackgroundService
{
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
            catch (SearchSourceUnavailableException ex)
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
