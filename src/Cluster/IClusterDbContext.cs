using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GatewayPortal.Cluster;

/// <summary>
/// The cluster's tables in the host's database. The host's DbContext implements this, declares the set and calls
/// <see cref="ClusterModelBuilderExtensions.ApplyClusterModel"/> in OnModelCreating.
/// </summary>
public interface IClusterDbContext : IAsyncDisposable
{
    /// <summary>Named leases.</summary>
    DbSet<LeaseRow> Leases { get; }

    /// <summary>The database, for the lease's first insert.</summary>
    DatabaseFacade Database { get; }
}
