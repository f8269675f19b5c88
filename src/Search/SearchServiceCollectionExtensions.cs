using GatewayPortal.Search.Indexing;
using GatewayPortal.Search.Querying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's search services.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node-local index (<see cref="ISearchIndex"/>), the query service
    /// (<see cref="ISearchService"/>) and a hosted service that rebuilds the index from the
    /// registered sources when needed. Options bind from the <c>Search</c> section. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SearchIndexOptions>()
            .Bind(configuration.GetSection(SearchIndexOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SearchIndex>();
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<SearchIndex>());
        services.TryAddSingleton<SearchService>();
        services.TryAddSingleton<ISearchService>(sp => sp.GetRequiredService<SearchService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SearchIndexRebuildService>());
        return services;
    }

    /// <summary>Registers a source used when the index is rebuilt. Safe to call twice.</summary>
    public static IServiceCollection AddPortalSearchSource<TSource>(this IServiceCollection services)
        where TSource : class, ISearchSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, TSource>());
        return services;
    }
}
