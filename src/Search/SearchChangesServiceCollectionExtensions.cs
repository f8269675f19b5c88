using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Querying;
using GatewayPortal.Search.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the search change feed that keeps every node's local index in step, and search metrics.</summary>
public static class SearchChangesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISearchChangeFeed"/>, its follower (applies other nodes' changes through the registered
    /// <see cref="ISearchChangeHandler"/>s) and purger, <see cref="SearchMetrics"/> (with query timing through
    /// <see cref="ISearchService"/> and the crawl gauges). Options bind from <c>Cluster</c>. The host registers
    /// <see cref="ISearchNode"/>, <see cref="ISearchLeases"/> and <c>ISearchDbContextFactory</c>. Call after
    /// <c>AddPortalSearch</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearchChanges(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ISearchChangeFeed)))
        {
            return services;
        }

        services.AddOptions<SearchChangeFeedOptions>().BindConfiguration(SearchChangeFeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISearchChangeFeed, SearchChangeFeed>();
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
