using GatewayPortal.Portal.Data;
using GatewayPortal.Search.Indexing;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Search;

/// <summary>
/// Notices appear and disappear by the clock (publish and expiry times), not by a save: every minute each node re-applies
/// the posts whose publish or expiry time passed since its last look, to its own index.
/// </summary>
internal sealed partial class NoticeSearchScheduler(IDbContextFactory<PortalDbContext> contexts, ISearchIndex index, TimeProvider time,
    ILogger<NoticeSearchScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var due = await db.BoardPosts.AsNoTracking()
                    .Where(p => (p.PublishAt > since && p.PublishAt <= now) || (p.ExpiresAt > since && p.ExpiresAt <= now))
                    .OrderBy(p => p.Id).Select(p => p.Id).Take(1000).ToListAsync(stoppingToken);
                foreach (var id in due)
                {
                    await NoticeSearchUpdater.ApplyAsync(db, index, id, now, stoppingToken);
                }

                if (due.Count > 0)
                {
                    index.Refresh();
                }

                since = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled notices could not be re-indexed; the next tick retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
