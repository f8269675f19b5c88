using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications;

/// <summary>Maps the application catalogue into the host's model.</summary>
public static class ApplicationsModelBuilderExtensions
{
    /// <summary>The longest subject id stored with favorites and launches.</summary>
    public const int MaxSubjectIdLength = 64;

    /// <summary>
    /// Adds the <c>applications</c>, <c>application_favorites</c> and <c>application_launches</c> tables.
    /// URI and group lists are primitive collections (JSON text on SQLite, arrays on PostgreSQL).
    /// </summary>
    public static ModelBuilder UseGatewayApplications(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Entity<PortalApplication>(entity =>
        {
            entity.ToTable("applications");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.ClientId).HasMaxLength(PortalApplication.MaxClientIdLength);
            entity.HasIndex(e => e.ClientId).IsUnique();
            entity.Property(e => e.NameKo).HasMaxLength(ApplicationCatalogLimits.MaxNameLength);
            entity.Property(e => e.NameEn).HasMaxLength(ApplicationCatalogLimits.MaxNameLength);
            entity.Property(e => e.DescriptionKo).HasMaxLength(ApplicationCatalogLimits.MaxDescriptionLength);
            entity.Property(e => e.DescriptionEn).HasMaxLength(ApplicationCatalogLimits.MaxDescriptionLength);
            entity.Property(e => e.Category).HasMaxLength(32);
            entity.Property(e => e.Icon).HasMaxLength(32);
            entity.Property(e => e.LaunchUrl).HasMaxLength(ApplicationCatalogLimits.MaxUriLength);
            entity.PrimitiveCollection(e => e.RedirectUris);
            entity.PrimitiveCollection(e => e.PostLogoutRedirectUris);
            entity.PrimitiveCollection(e => e.AllowedGroups);
            entity.Property(e => e.BackChannelLogoutUri).HasMaxLength(ApplicationCatalogLimits.MaxUriLength);
            entity.Property(e => e.FrontChannelLogoutUri).HasMaxLength(ApplicationCatalogLimits.MaxUriLength);
            entity.Property(e => e.OwnerDepartment).HasMaxLength(100);
            entity.Property(e => e.OwnerContact).HasMaxLength(200);
            entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.MaintenanceMessageKo).HasMaxLength(ApplicationCatalogLimits.MaxDescriptionLength);
            entity.Property(e => e.MaintenanceMessageEn).HasMaxLength(ApplicationCatalogLimits.MaxDescriptionLength);
            entity.Property(e => e.ClientType).HasConversion<string>().HasMaxLength(16);
            // Clients registered before the option existed keep RS256, what their relying parties have verified so far;
            // new rows always carry their own value (ES256 unless chosen otherwise).
            entity.Property(e => e.IdTokenSignedResponseAlg).HasMaxLength(16).HasDefaultValue(ApplicationTokenOptions.UpgradedSigningAlgorithm);
            entity.HasIndex(e => e.Category);
        });

        builder.Entity<UserFavoriteApplication>(entity =>
        {
            entity.ToTable("application_favorites");
            entity.HasKey(e => new { e.SubjectId, e.ApplicationId });
            entity.Property(e => e.SubjectId).HasMaxLength(MaxSubjectIdLength);
            entity.HasOne<PortalApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApplicationLaunch>(entity =>
        {
            entity.ToTable("application_launches");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.SubjectId).HasMaxLength(MaxSubjectIdLength);
            entity.HasIndex(e => new { e.SubjectId, e.LaunchedUtc });
            entity.HasOne<PortalApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        return builder;
    }
}
