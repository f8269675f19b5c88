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
    /// <summary>How soon a re-read skipped because another rebuild was running is tried again.</summary>
    public static readonly TimeSpan RetryWhileRebuilding = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(firstAfter, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(interval);
        do
        {
            // A full rebuild that is running may not cover this source (people are not part of the start-up rebuild):
            // try again shortly rather than a whole interval later.
            while (!await TryRebuildAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(RetryWhileRebuilding, stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    // False when another rebuild was running; true when this source was re-read or could not be read.
    private async Task<bool> TryRebuildAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.RebuildAsync([source], progress: null, stoppingToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            LogSkipped(logger, source.Name, ex);
            return false;
        }
        catch (SearchSourceUnavailableException ex)
        {
            LogFailed(logger, source.Name, ex);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-indexing {Source} postponed: another rebuild is running")]
    private static partial void LogSkipped(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-indexing {Source} failed; its documents stay as they were until the next run")]
    private static partial void LogFailed(ILogger logger, string source, Exception exception);
}
