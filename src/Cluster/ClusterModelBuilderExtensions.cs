using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Cluster;

/// <summary>Maps the cluster's tables with portable types (SQLite and PostgreSQL).</summary>
public static class ClusterModelBuilderExtensions
{
    /// <summary>Adds the <c>leases</c> table.</summary>
    public static ModelBuilder ApplyClusterModel(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<LeaseRow>(entity =>
        {
            entity.ToTable("leases");
            entity.HasKey(e => e.Name);
            entity.Property(e => e.Name).HasMaxLength(100);
            entity.Property(e => e.Holder).HasMaxLength(200);
        });

        return builder;
    }
}
