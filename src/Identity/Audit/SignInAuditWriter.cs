using GatewayPortal.Identity.Storage;
using GatewayPortal.Identity.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayPortal.Identity.Audit;

/// <summary>Queues audit events, writes them in batches (see <see cref="BatchedTableWriter{TRow}"/>).</summary>
internal sealed class SignInAuditWriter(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IdentityMetrics metrics,
    SecurityEventLog securityLog,
    ILogger<SignInAuditWriter> logger) : BatchedTableWriter<SignInAuditEntry>(scopeFactory, timeProvider, logger), ISignInAuditLog
{
    protected override string RowsName => "sign-in audit entries";

    /// <inheritdoc/>
    public ValueTask RecordAsync(SignInAuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        metrics.SignInEvent(auditEvent.Outcome);
        // The same event to the log, for a SIEM or syslog (category GatewayPortal.Security).
        securityLog.SignIn(auditEvent);
        return EnqueueAsync(new SignInAuditEntry
        {
            TimestampUtc = Time.GetUtcNow().UtcDateTime,
            Login = Cut(auditEvent.Login, SignInAuditEntry.MaxLoginLength) ?? "",
            SubjectId = auditEvent.SubjectId,
            DisplayName = Cut(auditEvent.DisplayName, 200),
            IpAddress = Cut(auditEvent.Client.IpAddress, 64),
            UserAgent = Cut(auditEvent.Client.UserAgent, SignInAuditEntry.MaxUserAgentLength),
            Outcome = auditEvent.Outcome,
            Reason = Cut(auditEvent.Reason, 64),
        }, cancellationToken);
    }

    protected override Task AddBatchAsync(IIdentityDbContext db, IReadOnlyList<SignInAuditEntry> batch, CancellationToken cancellationToken)
    {
        db.SignInAudit.AddRange(batch);
        return Task.CompletedTask;
    }
}
