using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Audit;

/// <summary>
/// Records administrators' changes: a row in the admin audit table and a structured log event in category
/// <c>GatewayPortal.Audit</c>. Where the change is saved through an EF context the caller owns, <see cref="Stage"/>
/// adds the row to that context so it commits with the change; otherwise <see cref="RecordAsync"/> writes it at once.
/// </summary>
public interface IAdminAuditTrail
{
    /// <summary>
    /// Adds the row to <paramref name="context"/> (saved with the caller's next SaveChanges, in its transaction); call
    /// <see cref="Log"/> once that committed.
    /// </summary>
    AdminAuditEntry Stage(DbContext context, AdminAuditEvent change);

    /// <summary>Writes the log event of a staged row that committed.</summary>
    void Log(AdminAuditEntry entry);

    /// <summary>Writes the row now (its own SaveChanges) and the log event.</summary>
    Task<AdminAuditEntry> RecordAsync(AdminAuditEvent change, CancellationToken cancellationToken = default);
}
