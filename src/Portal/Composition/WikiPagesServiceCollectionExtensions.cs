using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's wiki pages (the wiki itself comes from <c>AddPortalWiki</c>).</summary>
public static class WikiPagesServiceCollectionExtensions
{
    /// <summary>Adds the claims-to-actor mapping, the rendered-page cache, the endpoints' services and the demo-page seeder.</summary>
    public static IServiceCollection AddPortalWikiPages(this IServiceCollection services)
    {
        services.AddOptions<WikiSeedOptions>().BindConfiguration(WikiSeedOptions.SectionName);
        services.AddMemoryCache();
        services.TryAddScoped<WikiActorFactory>();
        services.TryAddScoped<WikiActionServices>();
        services.TryAddSingleton<WikiHtmlCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WikiSeeder>());
        return services;
    }
}
