using System.Runtime.CompilerServices;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Audit;

/// <summary>Reads the audit log for administrators.</summary>
public sealed class SignInAuditReader(IIdentityDbContext db)
{
    /// <summary>Largest page size served.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Runs <paramref name="query"/>, newest first.</summary>
    public async Task<SignInAuditPage> ReadAsync(SignInAuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var rows = Filter(query);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await rows
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SignInAuditPage(items, total, page, pageSize);
    }

    /// <summary>Every row matching <paramref name="query"/> (paging ignored), newest first, at most <paramref name="limit"/>, read in chunks.</summary>
    public IAsyncEnumerable<SignInAuditEntry> StreamAsync(SignInAuditQuery query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return AuditStreaming.NewestFirstAsync(
            before => (before is { } b ? Filter(query).Where(e => e.Id < b) : Filter(query)).OrderByDescending(e => e.Id),
            e => e.Id,
            limit,
            cancellationToken);
    }

    private IQueryable<SignInAuditEntry> Filter(SignInAuditQuery query)
    {
        var rows = db.SignInAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Login))
        {
            // Rows hold the canonical login (LoginName): search with it too, so "Kim.Minsu" or full-width letters find them.
            var login = LoginName.TryNormalize(query.Login, SignInAuditEntry.MaxLoginLength, out var canonical) ? canonical : query.Login.Trim();
            rows = rows.Where(e => e.Login.Contains(login) || (e.DisplayName != null && e.DisplayName.Contains(login)));
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(e => e.Outcome == outcome);
        }

        if (!string.IsNullOrWhiteSpace(query.IpAddress))
        {
            var ip = query.IpAddress.Trim();
            rows = rows.Where(e => e.IpAddress == ip);
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
