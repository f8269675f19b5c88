using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.Data;
using GatewayPortal.Portal.SignIn;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the services the portal's wiki pages and endpoints use, and the demo-page seeder (the wiki itself comes
/// from <c>AddPortalWiki</c>; the pages are found by routing).
/// </summary>
public static class PortalWikiPageServiceCollectionExtensions
{
    /// <summary>Adds the claims-to-actor mapping, the pages' and endpoints' action services, the rendered-page cache and the demo-page seeder.</summary>
    public static IServiceCollection AddPortalWikiPageServices(this IServiceCollection services)
    {
        services.AddOptions<WikiSeedOptions>().BindConfiguration(WikiSeedOptions.SectionName);
        services.AddMemoryCache();
        services.TryAddScoped<SessionPersonReader>();
        services.TryAddScoped<WikiActorFactory>();
        services.TryAddScoped<WikiActionServices>();
        services.TryAddSingleton<WikiHtmlCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WikiSeeder>());
        return services;
    }
}
