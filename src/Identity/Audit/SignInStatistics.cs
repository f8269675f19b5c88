using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Audit;

/// <summary>Aggregates of the audit log for the operators' dashboard, computed by the database.</summary>
public sealed class SignInStatistics(IIdentityDbContext db)
{
    /// <summary>Longest span the dashboard asks for.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);

    /// <summary>
    /// Successful and refused password sign-ins per UTC hour in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>),
    /// every hour present (zero when quiet), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<HourlySignIns>> HourlyAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var (from, to) = Span(fromUtc, toUtc);
        var counts = await db.SignInAudit.AsNoTracking()
            .Where(e => e.TimestampUtc >= from && e.TimestampUtc < to
                && (e.Outcome == SignInOutcome.Succeeded || e.Outcome == SignInOutcome.Failed || e.Outcome == SignInOutcome.LockedOut))
            .GroupBy(e => new { e.TimestampUtc.Year, e.TimestampUtc.Month, e.TimestampUtc.Day, e.TimestampUtc.Hour, Ok = e.Outcome == SignInOutcome.Succeeded })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, g.Key.Ok, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byHour = counts.ToLookup(c => new DateTime(c.Year, c.Month, c.Day, c.Hour, 0, 0, DateTimeKind.Utc));
        var hours = new List<HourlySignIns>();
        for (var hour = Truncate(from); hour < to; hour = hour.AddHours(1))
        {
            var bucket = byHour[hour];
            hours.Add(new HourlySignIns(hour, bucket.Where(c => c.Ok).Sum(c => c.Count), bucket.Where(c => !c.Ok).Sum(c => c.Count)));
        }

        return hours;
    }

    /// <summary>Why sign-ins were refused in the span, most frequent first.</summary>
    public async Task<IReadOnlyList<ReasonCount>> FailureReasonsAsync(DateTime fromUtc, DateTime toUtc, int top = 10, CancellationToken cancellationToken = default)
    {
        var (from, to) = Span(fromUtc, toUtc);
        return await TopReasonsAsync(db.SignInAudit.AsNoTracking()
            .Where(e => e.TimestampUtc >= from && e.TimestampUtc < to
                && (e.Outcome == SignInOutcome.Failed || e.Outcome == SignInOutcome.LockedOut
                    || e.Outcome == SignInOutcome.DirectoryUnavailable || e.Outcome == SignInOutcome.SecondFactorFailed)),
            top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applications most often opened through the portal in the span (client id and count).</summary>
    public async Task<IReadOnlyList<ReasonCount>> TopApplicationsAsync(DateTime fromUtc, DateTime toUtc, int top = 10, CancellationToken cancellationToken = default)
    {
        var (from, to) = Span(fromUtc, toUtc);
        return await TopReasonsAsync(db.SignInAudit.AsNoTracking()
            .Where(e => e.TimestampUtc >= from && e.TimestampUtc < to && e.Outcome == SignInOutcome.ApplicationSignIn),
            top, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<ReasonCount>> TopReasonsAsync(IQueryable<SignInAuditEntry> rows, int top, CancellationToken cancellationToken)
    {
        var counts = await rows
            .GroupBy(e => e.Reason ?? "")
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason)
            .Take(Math.Clamp(top, 1, 50))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. counts.Select(c => new ReasonCount(c.Reason, c.Count))];
    }

    private static (DateTime From, DateTime To) Span(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc || toUtc - fromUtc > MaxSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(toUtc), $"The span must be positive and at most {MaxSpan.TotalDays} days.");
        }

        return (DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
    }

    private static DateTime Truncate(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
}

/// <summary>Password sign-ins in one hour.</summary>
public sealed record HourlySignIns(DateTime HourUtc, int Succeeded, int Refused);

/// <summary>A label (reason or client id) and how often it occurred.</summary>
public sealed record ReasonCount(string Reason, int Count);
