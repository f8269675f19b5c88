using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications.Counters;

/// <summary>
/// The work counters' table in the portal's database. The host's DbContext implements this and calls
/// <see cref="WorkCountersModelBuilderExtensions.ApplyWorkCountersModel"/> in OnModelCreating (after the applications).
/// </summary>
public interface IWorkCountersDbContext : IAsyncDisposable
{
    /// <summary>The counters.</summary>
    DbSet<WorkCounterRow> WorkCounters { get; }

    /// <summary>The registered applications (the counters' owners).</summary>
    DbSet<PortalApplication> Applications { get; }
}
