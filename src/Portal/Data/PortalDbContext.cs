using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Data;

/// <summary>
/// The portal's database. Each provider has a subclass that owns its migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IIdentityDbContext, IDataProtectionKeyContext
{
    public DbSet<SignInAuditEntry> SignInAudit => Set<SignInAuditEntry>();

    public DbSet<MfaEnrollment> MfaEnrollments => Set<MfaEnrollment>();

    public DbSet<MfaRecoveryCode> MfaRecoveryCodes => Set<MfaRecoveryCode>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseGatewayIdentity();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
