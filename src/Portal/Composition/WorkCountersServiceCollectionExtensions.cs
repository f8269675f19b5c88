using GatewayPortal.Identity.Applications.Counters;
using GatewayPortal.Portal.Counters;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the work counters systems push (<c>/api/v1/counters</c>) and their reader for the home.</summary>
public static class PortalWorkCountersServiceCollectionExtensions
{
    /// <summary>
    /// Adds the counters' storage over the portal's context factory and the counters services
    /// (<see cref="IWorkCounterReader"/>, the publisher, the purge). Call after <c>AddPortalDatabase</c>,
    /// <c>AddPortalIdentity</c> and <c>AddPortalOidc</c>.
    /// </summary>
    public static IServiceCollection AddPortalWorkCounters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IWorkCountersDbContextFactory, WorkCountersDbContextFactory>();
        services.AddGatewayWorkCounters();
        return services;
    }
}
