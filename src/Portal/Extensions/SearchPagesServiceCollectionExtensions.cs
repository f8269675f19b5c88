using GatewayPortal.Portal.Search;
using GatewayPortal.Search.Indexing;
using GatewayPortal.Wiki.Pages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's search sources and live index updates (the engine comes from <c>AddPortalSearch</c>).</summary>
public static class SearchPagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the application and wiki sources, periodic re-reads of the application registry (every minute) and of the
    /// staff directory (shortly after start, then hourly; people are not part of the start-up rebuild, so a directory
    /// outage never holds up or empties the index), and decorators of the wiki's <see cref="IWikiEditor"/> and
    /// <see cref="IWikiPageAdmin"/> that re-index a page after each change. Call after <c>AddPortalWiki</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalSearchPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PeopleSearchSource)))
        {
            return services;
        }

        services.AddSingleton<PeopleSearchSource>();
        services.AddSingleton<SearchRebuildRunner>();

        // Internal web sites: a polite crawler (its own HttpClient, redirects followed by the crawler) on one node at a time
        // (lease "crawl"), with its state, documents and progress in the database; sites from configuration and the admin page.
        services.AddOptions<CrawlOptions>().BindConfiguration(CrawlOptions.SectionName)
            .Validate(o => GatewayPortal.Portal.Search.Crawling.CrawlSiteCatalog.FromOptions(o) is not null).ValidateOnStart();
        services.TryAddSingleton<GatewayPortal.Search.Crawling.ICrawlStateStore, GatewayPortal.Portal.Search.Crawling.DbCrawlStateStore>();
        services.AddHttpClient<GatewayPortal.Search.Crawling.WebCrawler>()
            .ConfigurePrimaryHttpMessageHandler(GatewayPortal.Search.Crawling.WebCrawler.CreateHandler);
        services.TryAddSingleton<GatewayPortal.Portal.Search.Crawling.CrawlSiteCatalog>();
        services.TryAddSingleton<GatewayPortal.Portal.Search.Crawling.CrawlStatusStore>();
        services.TryAddSingleton<GatewayPortal.Portal.Search.Crawling.CrawlSitePurger>();
        services.TryAddSingleton<GatewayPortal.Portal.Search.Crawling.CrawlSiteAdmin>();
        services.AddSingleton<CrawlScheduler>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CrawlScheduler>());
        services.TryAddSingleton<GatewayPortal.Portal.Search.Crawling.CrawledPageSearchSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, GatewayPortal.Portal.Search.Crawling.CrawledPageSearchSource>(
            sp => sp.GetRequiredService<GatewayPortal.Portal.Search.Crawling.CrawledPageSearchSource>()));
        services.TryAddSingleton<ApplicationSearchSource>();
        services.TryAddSingleton<WikiSearchSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, ApplicationSearchSource>(sp => sp.GetRequiredService<ApplicationSearchSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, WikiSearchSource>(sp => sp.GetRequiredService<WikiSearchSource>()));
        services.AddSingleton<IHostedService>(sp => new SourceIndexRefresher(
            sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<ApplicationSearchSource>(),
            SourceIndexRefresher.ApplicationsInterval, SourceIndexRefresher.ApplicationsInterval, sp.GetRequiredService<ILogger<SourceIndexRefresher>>()));
        services.AddSingleton<IHostedService>(sp => new SourceIndexRefresher(
            sp.GetRequiredService<ISearchIndex>(), sp.GetRequiredService<PeopleSearchSource>(),
            TimeSpan.FromSeconds(2), SourceIndexRefresher.PeopleInterval, sp.GetRequiredService<ILogger<SourceIndexRefresher>>()));
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
            ?? throw new InvalidOperationException($"Register {typeof(TService).Name} (AddPortalWiki) before AddPortalSearchPages.");
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
