using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Applications;

/// <summary>
/// The application catalogue's tables in the portal's database. The host's DbContext implements this
/// and calls <see cref="ApplicationsModelBuilderExtensions.UseGatewayApplications"/> in OnModelCreating.
/// </summary>
public interface IApplicationsDbContext
{
    /// <summary>The line-of-business systems.</summary>
    DbSet<PortalApplication> Applications { get; }

    /// <summary>Applications people pinned.</summary>
    DbSet<UserFavoriteApplication> ApplicationFavorites { get; }

    /// <summary>Recent launches, at most <see cref="LauncherService.MaxLaunchesPerUser"/> per person.</summary>
    DbSet<ApplicationLaunch> ApplicationLaunches { get; }

    /// <summary>Saves pending changes.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
