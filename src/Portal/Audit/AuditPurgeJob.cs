using GatewayPortal.Cluster;
using GatewayPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Portal.Audit;

/// <summary>
/// Deletes sign-in audit rows and admin audit rows older than <see cref="AuditOptions.RetentionDays"/>, on one node of
/// the cluster at a time (a lease), in batches so no statement holds the tables long.
/// </summary>
public sealed partial class AuditPurgeJob(
    IDbContextFactory<PortalDbContext> contexts, ILeaseService leases, IOptions<AuditOptions> options, TimeProvider timeProvider,
    ILogger<AuditPurgeJob> logger) : BackgroundService
{
    /// <summary>The lease's name.</summary>
    public const string LeaseName = "audit-purge";

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromMinutes(2), timeProvider, stoppingToken).ConfigureAwait(false);
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

    /// <summary>Purges old rows if this node gets the lease: the numbers deleted and the DELETE statements run, or null without the lease.</summary>
    public async Task<(int SignIns, int AdminChanges, int Batches)?> PurgeAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(30), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var settings = options.Value;
        var cutoff = (timeProvider.GetUtcNow() - TimeSpan.FromDays(settings.RetentionDays)).UtcDateTime;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var (signIns, signInBatches) = await InBatchesAsync(
            batch => db.SignInAudit.Where(e => db.SignInAudit.Where(o => o.TimestampUtc < cutoff).OrderBy(o => o.Id).Select(o => o.Id).Take(batch).Contains(e.Id))
                .ExecuteDeleteAsync(cancellationToken),
            settings.PurgeBatchSize).ConfigureAwait(false);
        var (changes, changeBatches) = await InBatchesAsync(
            batch => db.AdminAudit.Where(e => db.AdminAudit.Where(o => o.TimestampUtc < cutoff).OrderBy(o => o.Id).Select(o => o.Id).Take(batch).Contains(e.Id))
                .ExecuteDeleteAsync(cancellationToken),
            settings.PurgeBatchSize).ConfigureAwait(false);
        if (signIns + changes > 0)
        {
            LogPurged(logger, signIns, changes, settings.RetentionDays);
        }

        return (signIns, changes, signInBatches + changeBatches);
    }

    private static async Task<(int Deleted, int Batches)> InBatchesAsync(Func<int, Task<int>> deleteBatch, int batchSize)
    {
        var total = 0;
        var batches = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(batchSize).ConfigureAwait(false);
            total += deleted;
            batches++;
        }
        while (deleted == batchSize);
        return (total, batches);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {SignIns} sign-in audit rows and {AdminChanges} admin audit rows older than {RetentionDays} days")]
    private static partial void LogPurged(ILogger logger, int signIns, int adminChanges, int retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old audit rows failed; retrying later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
