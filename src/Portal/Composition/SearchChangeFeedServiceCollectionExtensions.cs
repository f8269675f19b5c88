using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Cluster;
using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Querying;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what lets several portal nodes share one database: leases and the search change feed.</summary>
public static class SearchChangeFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ILeaseService"/>, <see cref="ISearchChangeFeed"/>, the feed's follower (keeps this node's index in
    /// step with changes made on other nodes) and purger, the application registry's search listener, and search
    /// metrics (<see cref="SearchMetrics"/>, query latency through a timing <see cref="ISearchService"/>). Options bind
    /// from <c>Cluster</c>. Call after <c>AddPortalSearch</c> and <c>AddPortalSearchPages</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearchChangeFeed(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ISearchChangeFeed)))
        {
            return services;
        }

        services.AddPortalCluster();
        services.AddOptions<SearchChangeFeedOptions>().BindConfiguration(SearchChangeFeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISearchChangeFeed, SearchChangeFeed>();

        // Changes made here are applied here at once and published; the follower applies the other nodes' changes.
        services.AddSingleton<ApplicationSearchUpdater>();
        services.AddSingleton<IApplicationRegistryListener, ApplicationRegistrySearchListener>();
        services.AddSingleton<SearchChangeApplier>();
        services.AddSingleton<SearchChangeFollowerState>();
        services.AddHostedService<SearchChangeFollower>();
        services.AddHostedService<SearchChangeFeedPurger>();

        services.AddSingleton<SearchMetrics>();
        services.AddHostedService<CrawlMetricsSampler>();
        services.Replace(ServiceDescriptor.Singleton<ISearchService>(sp =>
            new MeasuredSearchService(sp.GetRequiredService<SearchService>(), sp.GetRequiredService<SearchMetrics>())));
        return services;
    }
}
