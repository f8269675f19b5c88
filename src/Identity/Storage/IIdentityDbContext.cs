using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Storage;

/// <summary>
/// The tables Identity keeps in the portal's database. The host's DbContext implements this
/// and calls <see cref="IdentityModelBuilderExtensions.UseGatewayIdentity"/> in OnModelCreating.
/// </summary>
public interface IIdentityDbContext
{
    /// <summary>Every sign-in attempt, kept for administrators.</summary>
    DbSet<SignInAuditEntry> SignInAudit { get; }

    /// <summary>Administrators' changes (the admin audit trail).</summary>
    DbSet<AdminAuditEntry> AdminAudit { get; }

    /// <summary>TOTP enrolments, one per person.</summary>
    DbSet<MfaEnrollment> MfaEnrollments { get; }

    /// <summary>Hashed one-time recovery codes.</summary>
    DbSet<MfaRecoveryCode> MfaRecoveryCodes { get; }

    /// <summary>SSO sessions: who is signed in, and which sessions were ended early.</summary>
    DbSet<PortalSession> PortalSessions { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
