using GatewayPortal.Search.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Search.Changes;

/// <summary>Deletes change feed entries older than <see cref="SearchChangeFeedOptions.FeedRetention"/>, on one node at a time (a lease).</summary>
internal sealed partial class SearchChangeFeedPurger(
    ISearchDbContextFactory contexts, ISearchLeases leases, IOptions<SearchChangeFeedOptions> options, TimeProvider timeProvider,
    ILogger<SearchChangeFeedPurger> logger) : BackgroundService
{
    /// <summary>The lease's name.</summary>
    public const string LeaseName = "search-feed-purge";

    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), timeProvider, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Every, timeProvider);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Purges old entries if this node gets the lease; the number deleted, or null without the lease.</summary>
    internal async Task<int?> PurgeAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, Every / 2, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var cutoff = (timeProvider.GetUtcNow() - options.Value.FeedRetention).UtcDateTime;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var deleted = await db.SearchChanges.Where(c => c.CreatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} old search change feed entries")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old search change feed entries failed; retrying later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
