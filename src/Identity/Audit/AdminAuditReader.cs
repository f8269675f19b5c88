using System.Runtime.CompilerServices;
using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Audit;

/// <summary>Reads the admin audit trail for administrators (pages and exports).</summary>
public sealed class AdminAuditReader(IIdentityDbContext db)
{
    /// <summary>Largest page size served.</summary>
    public const int MaxPageSize = 200;

    /// <summary>One entry by id, or null.</summary>
    public Task<AdminAuditEntry?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        db.AdminAudit.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Runs <paramref name="query"/>, newest first.</summary>
    public async Task<AdminAuditPage> ReadAsync(AdminAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var rows = Filter(query);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await rows.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AdminAuditPage(items, total, page, pageSize);
    }

    /// <summary>Every row matching <paramref name="query"/> (paging ignored), newest first, at most <paramref name="limit"/>, read in chunks.</summary>
    public IAsyncEnumerable<AdminAuditEntry> StreamAsync(AdminAuditQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AuditStreaming.NewestFirstAsync(
            before => (before is { } b ? Filter(query).Where(e => e.Id < b) : Filter(query)).OrderByDescending(e => e.Id),
            e => e.Id,
            limit,
            cancellationToken);
    }

    private IQueryable<AdminAuditEntry> Filter(AdminAuditQuery query)
    {
        var rows = db.AdminAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            rows = rows.Where(e => e.ActorSubjectId == actor || e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            rows = rows.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.TargetType))
        {
            var type = query.TargetType.Trim();
            rows = rows.Where(e => e.TargetType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = query.Target.Trim();
            rows = rows.Where(e => e.TargetId.Contains(target) || (e.TargetName != null && e.TargetName.Contains(target)));
        }

        if (query.FromUtc is { } from)
        {
            rows = rows.Where(e => e.TimestampUtc >= from);
        }

        if (query.ToUtc is { } to)
        {
            rows = rows.Where(e => e.TimestampUtc < to);
        }

        return rows;
    }
}
