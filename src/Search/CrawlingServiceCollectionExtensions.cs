using GatewayPortal.Search.Changes;
using GatewayPortal.Search.Crawling;
using GatewayPortal.Search.Crawling.Scheduling;
using GatewayPortal.Search.Crawling.Sites;
using GatewayPortal.Search.Crawling.Storage;
using GatewayPortal.Search.Indexing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the crawl of internal web sites: sites, scheduler, state in the database and the crawled pages' source.</summary>
public static class CrawlingServiceCollectionExtensions
{
    /// <summary>
    /// Adds a polite crawler (its own HttpClient, redirects followed by the crawler) on one node at a time (lease
    /// <c>crawl</c>), with its state, documents and progress in the database; sites from <c>Search:Crawl</c> and the
    /// admin page. The host registers <see cref="ICrawlGroupDirectory"/>, <see cref="ISearchLeases"/>,
    /// <see cref="ISearchNode"/> and <c>ISearchDbContextFactory</c>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalCrawling(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CrawlScheduler)))
        {
            return services;
        }

        services.AddOptions<CrawlOptions>().BindConfiguration(CrawlOptions.SectionName)
            .Validate(o => CrawlSiteCatalog.FromOptions(o) is not null).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICrawlStateStore, DbCrawlStateStore>();
        services.AddHttpClient<WebCrawler>().ConfigurePrimaryHttpMessageHandler(WebCrawler.CreateHandler);
        services.TryAddSingleton<CrawlSiteCatalog>();
        services.TryAddSingleton<CrawlStatusStore>();
        services.TryAddSingleton<CrawlSitePurger>();
        services.TryAddSingleton<CrawlSiteAdmin>();
        services.AddSingleton<CrawlScheduler>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<CrawlScheduler>());
        services.TryAddSingleton<CrawledPageSearchSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchSource, CrawledPageSearchSource>(sp => sp.GetRequiredService<CrawledPageSearchSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchChangeHandler, CrawledPageChangeHandler>());
        return services;
    }
}
