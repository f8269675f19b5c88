using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>
/// Deletes expired and zero counters every <see cref="Every"/>. Readers never return them anyway, so this only keeps
/// the table small; every node may run it (a DELETE of rows already gone deletes nothing), so no lease is needed.
/// </summary>
internal sealed partial class WorkCounterPurger(WorkCounterStore store, TimeProvider time, ILogger<WorkCounterPurger> logger) : BackgroundService
{
    /// <summary>How often expired counters are purged.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var deleted = await store.PurgeAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    LogPurged(logger, deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired or zero work counters")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired work counters failed; retrying later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
