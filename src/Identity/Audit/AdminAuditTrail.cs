using GatewayPortal.Identity.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Audit;

/// <summary>The admin audit trail over the identity tables (see <see cref="IAdminAuditTrail"/>).</summary>
public sealed partial class AdminAuditTrail(
    IIdentityDbContext db, TimeProvider timeProvider, ILoggerFactory loggerFactory, IAdminAuditActorSource? actors = null) : IAdminAuditTrail
{
    /// <summary>Log category of administrators' changes, for a SIEM to collect.</summary>
    public const string LogCategory = "GatewayPortal.Audit";

    /// <summary>Event id of an administrator's change in the log.</summary>
    public const int ChangeEventId = 1700;

    private readonly ILogger _logger = loggerFactory.CreateLogger(LogCategory);

    /// <inheritdoc/>
    public AdminAuditEntry Stage(DbContext context, AdminAuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = Build(change);
        context.Set<AdminAuditEntry>().Add(entry);
        return entry;
    }

    /// <inheritdoc/>
    public void Log(AdminAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        LogChange(_logger, entry.ActorSubjectId, entry.ActorName, entry.IpAddress, entry.Action, entry.TargetType, entry.TargetId, entry.Summary);
    }

    /// <inheritdoc/>
    public async Task<AdminAuditEntry> RecordAsync(AdminAuditEvent change, CancellationToken cancellationToken = default)
    {
        var entry = Build(change);
        db.AdminAudit.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log(entry);
        return entry;
    }

    /// <summary>The row for <paramref name="change"/> by the current actor, now.</summary>
    public AdminAuditEntry Build(AdminAuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Action);
        var actor = actors?.Current ?? AdminAuditActor.System;
        return new AdminAuditEntry
        {
            TimestampUtc = timeProvider.GetUtcNow().UtcDateTime,
            ActorSubjectId = Cut(actor.SubjectId, 64) ?? "",
            ActorName = Cut(actor.Name, 200) ?? "",
            IpAddress = Cut(actor.IpAddress, 64),
            Action = Cut(change.Action, AdminAuditEntry.MaxActionLength)!,
            TargetType = Cut(change.TargetType, 32) ?? "",
            TargetId = Cut(change.TargetId, 200) ?? "",
            TargetName = Cut(change.TargetName, 200),
            BeforeJson = AdminAuditJson.Serialize(change.Before),
            AfterJson = AdminAuditJson.Serialize(change.After),
            Summary = Cut(change.Summary, 500),
        };
    }

    private static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    [LoggerMessage(EventId = ChangeEventId, EventName = "AdminChange", Level = LogLevel.Information,
        Message = "Administrator {Actor} ({ActorName}, {ClientIp}) did {Action} on {TargetType} {Target}: {Summary}")]
    private static partial void LogChange(ILogger logger, string actor, string actorName, string? clientIp, string action, string targetType, string target, string? summary);
}
