using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Mfa;
using GatewayPortal.Identity.Sessions;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Storage;

/// <summary>Maps Identity's entities into the host's model.</summary>
public static class IdentityModelBuilderExtensions
{
    /// <summary>Adds the sign-in audit, MFA and session tables to <paramref name="builder"/>.</summary>
    public static ModelBuilder UseGatewayIdentity(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Entity<SignInAuditEntry>(entity =>
        {
            entity.ToTable("sign_in_audit");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Login).HasMaxLength(SignInAuditEntry.MaxLoginLength);
            entity.Property(e => e.SubjectId).HasMaxLength(64);
            entity.Property(e => e.DisplayName).HasMaxLength(200);
            entity.Property(e => e.IpAddress).HasMaxLength(64);
            entity.Property(e => e.UserAgent).HasMaxLength(SignInAuditEntry.MaxUserAgentLength);
            entity.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(32);
            entity.Property(e => e.Reason).HasMaxLength(64);
            entity.HasIndex(e => e.TimestampUtc);
            entity.HasIndex(e => new { e.Login, e.TimestampUtc });
            entity.HasIndex(e => new { e.SubjectId, e.TimestampUtc });
        });

        builder.Entity<AdminAuditEntry>(entity =>
        {
            entity.ToTable("admin_audit");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.ActorSubjectId).HasMaxLength(64);
            entity.Property(e => e.ActorName).HasMaxLength(200);
            entity.Property(e => e.IpAddress).HasMaxLength(64);
            entity.Property(e => e.Action).HasMaxLength(AdminAuditEntry.MaxActionLength);
            entity.Property(e => e.TargetType).HasMaxLength(32);
            entity.Property(e => e.TargetId).HasMaxLength(200);
            entity.Property(e => e.TargetName).HasMaxLength(200);
            entity.Property(e => e.BeforeJson).HasMaxLength(AdminAuditEntry.MaxStateLength);
            entity.Property(e => e.AfterJson).HasMaxLength(AdminAuditEntry.MaxStateLength);
            entity.Property(e => e.Summary).HasMaxLength(500);
            entity.HasIndex(e => e.TimestampUtc);
            entity.HasIndex(e => new { e.ActorSubjectId, e.TimestampUtc });
            entity.HasIndex(e => new { e.Action, e.TimestampUtc });
            entity.HasIndex(e => new { e.TargetType, e.TargetId });
        });

        builder.Entity<MfaEnrollment>(entity =>
        {
            entity.ToTable("mfa_enrollments");
            entity.HasKey(e => e.SubjectId);
            entity.Property(e => e.SubjectId).HasMaxLength(64);
            entity.Property(e => e.ProtectedSecret).HasMaxLength(1024);
            entity.Property(e => e.ConcurrencyStamp).IsConcurrencyToken().HasMaxLength(36);
        });

        builder.Entity<MfaRecoveryCode>(entity =>
        {
            entity.ToTable("mfa_recovery_codes");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SubjectId).HasMaxLength(64);
            entity.Property(e => e.CodeHash).HasMaxLength(64);
            entity.HasIndex(e => new { e.SubjectId, e.CodeHash }).IsUnique();
        });

        builder.Entity<PortalSession>(entity =>
        {
            entity.ToTable("portal_sessions");
            entity.HasKey(e => e.SessionId);
            entity.Property(e => e.SessionId).HasMaxLength(64);
            entity.Property(e => e.SubjectId).HasMaxLength(64);
            entity.Property(e => e.Login).HasMaxLength(256);
            entity.Property(e => e.DisplayName).HasMaxLength(200);
            entity.Property(e => e.IpAddress).HasMaxLength(64);
            entity.Property(e => e.UserAgent).HasMaxLength(PortalSession.MaxUserAgentLength);
            entity.Property(e => e.Methods).HasMaxLength(64);
            entity.Property(e => e.EndedBy).HasMaxLength(256);
            entity.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(32);
            entity.HasIndex(e => new { e.EndedUtc, e.ExpiresUtc, e.CreatedUtc });
            entity.HasIndex(e => e.Login);
            entity.HasIndex(e => e.SubjectId);
            entity.HasIndex(e => e.ExpiresUtc);
        });

        return builder;
    }
}
