using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Crawling.Sites;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Wiki.Pages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what feeds the index from the portal's data: search sources, the crawler, and live index updates (the engine comes from <c>AddPortalSearch</c>).</summary>
public static class SearchSourcesServiceCollectionExtensions
{
    /// <summary>How often the application registry is re-read into the index.</summary>
    private static readonly TimeSpan ApplicationsRereadInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often the staff directory is re-read into the index (the first time shortly after start).</summary>
    private static readonly TimeSpan PeopleRereadInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Adds the application, wiki and crawled-page sources (<c>AddPortalCrawling</c>), periodic re-reads of the application registry (every minute) and of the
    /// staff directory (shortly after start, then hourly; people are not part of the start-up rebuild, so a directory
    /// outage never holds up or empties the index), and decorators of the wiki's <see cref="IWikiEditor"/> and
    /// <see cref="IWikiPageAdmin"/> that re-index a page after each change. Call after <c>AddPortalWiki</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearchSources(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PeopleSearchSource)))
        {
            return services;
        }

        services.AddSingleton<PeopleSearchSource>();
        services.AddSingleton<SearchRebuildRunner>();

        // Internal web sites (GatewayPortal.Search.Crawling), with group names checked against the directory.
        services.TryAddSingleton<ICrawlGroupDirectory, DirectoryCrawlGroups>();
        services.AddPortalCrawling();
        services.TryAddSingleton<ApplicationSearchSource>();
        services.TryAddSingleton<WikiSearchSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, ApplicationSearchSource>(sp => sp.GetRequiredService<ApplicationSearchSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, WikiSearchSource>(sp => sp.GetRequiredService<WikiSearchSource>()));
        services.AddSingleton<IHostedService>(sp => new SourceIndexRefresher(
            sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<ApplicationSearchSource>(),
            ApplicationsRereadInterval, ApplicationsRereadInterval, sp.GetRequiredService<ILogger<SourceIndexRefresher>>()));
        services.AddSingleton<IHostedService>(sp => new SourceIndexRefresher(
            sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<PeopleSearchSource>(),
            TimeSpan.FromSeconds(2), PeopleRereadInterval, sp.GetRequiredService<ILogger<SourceIndexRefresher>>()));
        services.TryAddScoped<WikiSearchUpdater>();
        services.TryAddSingleton<CrashAfterCommit>();
        Decorate<IWikiEditor, IndexingWikiEditor>(services);
        Decorate<IWikiPageAdmin, IndexingWikiPageAdmin>(services);
        return services;
    }

    private static void Decorate<TService, TDecorator>(IServiceCollection services)
        where TService : class
        where TDecorator : class, TService
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"Register {typeof(TService).Name} (AddPortalWiki) before AddPortalSearchSources.");
        if (inner.ImplementationFactory?.Target is DecoratorFactory<TService, TDecorator>)
        {
            return;
        }

        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(typeof(TService), new DecoratorFactory<TService, TDecorator>(inner).Create, inner.Lifetime));
    }

    private sealed class DecoratorFactory<TService, TDecorator>(ServiceDescriptor inner)
        where TService : class
        where TDecorator : class, TService
    {
        public object Create(IServiceProvider provider)
        {
            var service = inner.ImplementationInstance
                ?? inner.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!);
            return ActivatorUtilities.CreateInstance<TDecorator>(provider, service);
        }
    }
}
