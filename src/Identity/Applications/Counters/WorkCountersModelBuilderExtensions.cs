using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>Maps the work counters into the host's model.</summary>
public static class WorkCountersModelBuilderExtensions
{
    /// <summary>The table's name.</summary>
    public const string TableName = "portal_work_counters";

    /// <summary>
    /// Adds <c>portal_work_counters</c>: the unique key (subject, application, key) also serves the home's read by
    /// subject; (application, key) serves clearing a key for everyone and the foreign key; an index on expiry serves
    /// the purge; rows go with their application.
    /// </summary>
    public static ModelBuilder ApplyWorkCountersModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<WorkCounterRow>(entity =>
        {
            entity.ToTable(TableName);
            entity.HasKey(e => new { e.SubjectId, e.ApplicationId, e.Key });
            entity.Property(e => e.SubjectId).HasMaxLength(WorkCounterLimits.MaxSubjectLength);
            entity.Property(e => e.Key).HasMaxLength(WorkCounterLimits.MaxKeyLength);
            entity.Property(e => e.LabelKo).HasMaxLength(WorkCounterLimits.MaxLabelLength);
            entity.Property(e => e.LabelEn).HasMaxLength(WorkCounterLimits.MaxLabelLength);
            entity.Property(e => e.Url).HasMaxLength(WorkCounterLimits.MaxUrlLength);
            entity.HasIndex(e => new { e.ApplicationId, e.Key });
            entity.HasIndex(e => e.ExpiresUtc);
            entity.HasOne<PortalApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        return builder;
    }
}
