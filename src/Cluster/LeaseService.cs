using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Cluster;

/// <summary>
/// Leases in the <c>leases</c> table. Taking or renewing is one conditional UPDATE (the database serialises
/// concurrent updates of a row and re-checks the condition), and a first INSERT … ON CONFLICT DO NOTHING whose primary key decides a race.
/// </summary>
internal sealed partial class LeaseService(
    IClusterDbContextFactory contexts, ClusterNode node, TimeProvider timeProvider, ILogger<LeaseService> logger) : ILeaseService
{
    /// <inheritdoc/>
    public string NodeName => node.Name;

    /// <inheritdoc/>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var me = node.Name;

        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);
        var updated = await db.Leases
            .Where(l => l.Name == name && (l.Holder == me || l.ExpiresUtc <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.AcquiredUtc, l => l.Holder == me && l.ExpiresUtc > now ? l.AcquiredUtc : now)
                    .SetProperty(l => l.Holder, me)
                    .SetProperty(l => l.ExpiresUtc, expires),
                cancellationToken).ConfigureAwait(false);
        if (updated > 0)
        {
            return true;
        }

        // Never taken before: the first INSERT wins, the primary key turns the others into no-ops.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO leases ("Name", "Holder", "AcquiredUtc", "ExpiresUtc") VALUES ({name}, {me}, {now}, {expires}) ON CONFLICT ("Name") DO NOTHING""",
            cancellationToken).ConfigureAwait(false);
        if (inserted > 0)
        {
            LogTaken(logger, name, me);
        }

        return inserted > 0;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var me = node.Name;
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var dbDisposal = db.ConfigureAwait(false);

        // The row stays (who held it last); an expired lease is free for anyone.
        await db.Leases.Where(l => l.Name == name && l.Holder == me && l.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, now), cancellationToken).ConfigureAwait(false);
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, 100, nameof(name));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {Lease} taken for the first time by {Node}")]
    private static partial void LogTaken(ILogger logger, string lease, string node);
}
