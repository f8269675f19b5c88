using GatewayPortal.Cluster;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Changes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the search change feed across nodes with the Portal's adapters: cluster node and leases, per-source handlers.</summary>
public static class SearchChangeFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the cluster (<c>AddPortalCluster</c>: node name, leases), search's view of it (<see cref="ISearchNode"/>,
    /// <see cref="ISearchLeases"/>), the handlers that re-read wiki pages and applications named in the feed, the
    /// application registry's search listener, and the feed itself (<c>AddPortalSearchChanges</c>). Call after
    /// <c>AddPortalSearch</c> and <c>AddPortalSearchSources</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearchChangeFeed(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ClusterSearchAdapter)))
        {
            return services;
        }

        services.AddPortalCluster();
        services.AddSingleton<ClusterSearchAdapter>();
        services.AddSingleton<ISearchNode>(sp => sp.GetRequiredService<ClusterSearchAdapter>());
        services.AddSingleton<ISearchLeases>(sp => sp.GetRequiredService<ClusterSearchAdapter>());

        // Changes made here are applied here at once; the follower applies the other nodes' changes through these handlers.
        services.AddSingleton<ApplicationSearchUpdater>();
        services.AddSingleton<IApplicationRegistryListener, ApplicationRegistrySearchListener>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchChangeHandler, WikiSearchChangeHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchChangeHandler, ApplicationSearchChangeHandler>());
        services.AddPortalSearchChanges();
        return services;
    }
}
