using System.Collections.Concurrent;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Sessions;

/// <summary>
/// Session rows are queued and written in batches, like the audit log; a session still in the queue is
/// known from memory, so ending it at once works too. Whether a session was ended is cached per node for
/// <see cref="SignInOptions.SessionStatusCacheDuration"/>: on the node that ended it the change is immediate,
/// on the others it arrives within that time.
/// </summary>
internal sealed partial class SessionRegistry(
    IServiceScopeFactory scopeFactory,
    IMemoryCache cache,
    IOptionsMonitor<SignInOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionRegistry> logger) : BatchedTableWriter<PortalSession>(scopeFactory, timeProvider, logger), ISessionRegistry
{
    /// <summary>Rows of sessions that expired longer ago than this are deleted.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, PortalSession> _queued = new(StringComparer.Ordinal);
    private long _nextPurgeTicks;

    protected override string RowsName => "session records";

    public ValueTask RecordStartAsync(SessionStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        var row = new PortalSession
        {
            SessionId = start.SessionId,
            SubjectId = start.SubjectId,
            Login = Cut(start.Login, 256) ?? "",
            DisplayName = Cut(start.DisplayName, 200),
            CreatedUtc = start.Created.UtcDateTime,
            ExpiresUtc = start.Expires.UtcDateTime,
            IpAddress = Cut(start.Client.IpAddress, 64),
            UserAgent = Cut(start.Client.UserAgent, PortalSession.MaxUserAgentLength),
            Methods = string.Join(' ', start.Methods),
        };
        _queued[row.SessionId] = row;
        return EnqueueAsync(row, cancellationToken);
    }

    public async Task<PortalSession?> EndAsync(string sessionId, string endedBy, SessionEndReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        for (var attempt = 1; ; attempt++)
        {
            var scope = ScopeFactory.CreateAsyncScope();
            await using var scopeDisposal = scope.ConfigureAwait(false);
            var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
            var session = await db.PortalSessions.FirstOrDefaultAsync(s => s.SessionId == sessionId, cancellationToken).ConfigureAwait(false);
            var inserting = false;
            if (session is null && _queued.TryGetValue(sessionId, out var queued))
            {
                // Not written yet: write it now, ended; the batch skips rows that already exist.
                session = Copy(queued);
                db.PortalSessions.Add(session);
                inserting = true;
            }

            if (session is null)
            {
                return null;
            }

            if (session.EndedUtc is null)
            {
                session.EndedUtc = Time.GetUtcNow().UtcDateTime;
                session.EndedBy = Cut(endedBy, 256);
                session.EndReason = reason;
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException) when (inserting && attempt == 1)
                {
                    // The batch wrote the row between our read and our insert: read it again and update it.
                    continue;
                }

                LogEnded(logger, sessionId, session.Login, reason, endedBy);
            }

            Remember(sessionId, new SessionRecord(true, session.ExpiresUtc));
            return session;
        }
    }

    public async ValueTask<SessionStatus> GetStatusAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var now = Time.GetUtcNow();
        var record = await FindRecordAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            // Rows are written in batches, possibly by another node: a session this young may not be written yet.
            return now - started < SessionRegistryDefaults.RecordingGrace
                ? new SessionStatus(SessionState.Running, null)
                : new SessionStatus(SessionState.Unknown, null);
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(record.ExpiresUtc, DateTimeKind.Utc));
        return record.Ended ? new SessionStatus(SessionState.Ended, expires)
            : expires <= now ? new SessionStatus(SessionState.Expired, expires)
            : new SessionStatus(SessionState.Running, expires);
    }

    private async ValueTask<SessionRecord?> FindRecordAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(sessionId), out SessionRecord? cached) && cached is not null)
        {
            return cached;
        }

        var scope = ScopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
        var record = await db.PortalSessions.AsNoTracking().Where(s => s.SessionId == sessionId)
            .Select(s => new SessionRecord(s.EndedUtc != null, s.ExpiresUtc)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            Remember(sessionId, record);
            return record;
        }

        // Not written yet on this node (never cached: the row is on its way).
        return _queued.TryGetValue(sessionId, out var queued) ? new SessionRecord(false, queued.ExpiresUtc) : null;
    }

    public async Task<ActiveSessionPage> ListActiveAsync(ActiveSessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, ActiveSessionQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var now = Time.GetUtcNow().UtcDateTime;
        var scope = ScopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
        var running = db.PortalSessions.AsNoTracking().Where(s => s.EndedUtc == null && s.ExpiresUtc > now);
        if (!string.IsNullOrWhiteSpace(query.Login))
        {
            var prefix = query.Login.Trim();
            running = running.Where(s => s.Login.StartsWith(prefix));
        }

        var total = await running.CountAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await running.OrderByDescending(s => s.CreatedUtc).ThenBy(s => s.SessionId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ActiveSessionPage(sessions, total, page, pageSize);
    }

    public async Task<PortalSession?> FindAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var scope = ScopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<IIdentityDbContext>();
        return await db.PortalSessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == sessionId, cancellationToken).ConfigureAwait(false)
            ?? (_queued.TryGetValue(sessionId, out var queued) ? Copy(queued) : null);
    }

    protected override async Task AddBatchAsync(IIdentityDbContext db, IReadOnlyList<PortalSession> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(s => s.SessionId).ToList();
        var existing = await db.PortalSessions.AsNoTracking().Where(s => ids.Contains(s.SessionId)).Select(s => s.SessionId)
            .ToHashSetAsync(StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        db.PortalSessions.AddRange(batch.Where(s => !existing.Contains(s.SessionId)).Select(Copy));
        await PurgeIfDueAsync(db, cancellationToken).ConfigureAwait(false);
    }

    protected override void OnBatchWritten(IReadOnlyList<PortalSession> batch)
    {
        foreach (var session in batch)
        {
            _queued.TryRemove(new KeyValuePair<string, PortalSession>(session.SessionId, session));
        }
    }

    // At most once an hour per node, with the batch that happens to come along.
    private async Task PurgeIfDueAsync(IIdentityDbContext db, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (now.UtcTicks < Interlocked.Read(ref _nextPurgeTicks))
        {
            return;
        }

        Interlocked.Exchange(ref _nextPurgeTicks, now.AddHours(1).UtcTicks);
        var cutoff = (now - Retention).UtcDateTime;
        var purged = await db.PortalSessions.Where(s => s.ExpiresUtc < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            LogPurged(logger, purged, Retention.TotalDays);
        }
    }

    private static string CacheKey(string sessionId) => "session-status:" + sessionId;

    private void Remember(string sessionId, SessionRecord record)
    {
        var duration = options.CurrentValue.SessionStatusCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            cache.Set(CacheKey(sessionId), record, duration);
        }
    }

    // The queued instance stays untouched (a context never tracks it), so a retry can add it again.
    private static PortalSession Copy(PortalSession s) => new()
    {
        SessionId = s.SessionId,
        SubjectId = s.SubjectId,
        Login = s.Login,
        DisplayName = s.DisplayName,
        CreatedUtc = s.CreatedUtc,
        ExpiresUtc = s.ExpiresUtc,
        IpAddress = s.IpAddress,
        UserAgent = s.UserAgent,
        Methods = s.Methods,
    };

    // What a node remembers of a session row: ended or not, and its fixed end.
    private sealed record SessionRecord(bool Ended, DateTime ExpiresUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} of {Login} ended ({Reason}) by {EndedBy}")]
    private static partial void LogEnded(ILogger logger, string sessionId, string login, SessionEndReason reason, string endedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} session records that expired more than {Days} days ago")]
    private static partial void LogPurged(ILogger logger, int count, double days);
}
