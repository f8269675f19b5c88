namespace GatewayPortal.Identity.Audit;

/// <summary>Records sign-in events. Writes are batched in the background; nothing is dropped.</summary>
public interface ISignInAuditLog
{
    /// <summary>Queues an event for writing; waits only when the queue is full.</summary>
    ValueTask RecordAsync(SignInAuditEvent auditEvent, CancellationToken cancellationToken = default);
}
