using GatewayPortal.Identity.Oidc.Keys;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Oidc;

/// <summary>Maps the OIDC provider's tables, OpenIddict's included.</summary>
public static class OidcModelBuilderExtensions
{
    /// <summary>Adds OpenIddict's entities, the key table and the session-application table.</summary>
    public static ModelBuilder UseGatewayOidc(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseOpenIddict();
        builder.Entity<OidcKey>(entity =>
        {
            entity.ToTable("oidc_keys");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Id).HasMaxLength(64);
            entity.Property(e => e.Use).HasMaxLength(8);
            entity.Property(e => e.Algorithm).HasMaxLength(16);
            entity.Property(e => e.ProtectedKey).HasMaxLength(8192);
        });
        builder.Entity<OidcSessionApplication>(entity =>
        {
            entity.ToTable("oidc_session_applications");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SessionId).HasMaxLength(64);
            entity.Property(e => e.SubjectId).HasMaxLength(64);
            entity.Property(e => e.ClientId).HasMaxLength(100);
            entity.HasIndex(e => new { e.SessionId, e.ClientId }).IsUnique();
            entity.HasIndex(e => e.SubjectId);
        });
        return builder;
    }
}
