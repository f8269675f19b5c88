using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Applications.Counters;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Identity.Tests.Applications;

/// <summary>A minimal host DbContext: the catalogue tables plus, when configured, OpenIddict's.</summary>
public sealed class ApplicationsTestDbContext(DbContextOptions<ApplicationsTestDbContext> options) : DbContext(options), IApplicationsDbContext, IWorkCountersDbContext
{
    public DbSet<PortalApplication> Applications => Set<PortalApplication>();

    public DbSet<UserFavoriteApplication> ApplicationFavorites => Set<UserFavoriteApplication>();

    public DbSet<ApplicationLaunch> ApplicationLaunches => Set<ApplicationLaunch>();

    public DbSet<WorkCounterRow> WorkCounters => Set<WorkCounterRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseGatewayApplications().ApplyWorkCountersModel();
}
