using GatewayPortal.Wiki;
using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Diff;
using GatewayPortal.Wiki.Merge;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Rendering;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Watch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the wiki.</summary>
public static class WikiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the wiki services bound to the <c>Wiki</c> section. The host must register its DbContext as a scoped
    /// <see cref="IWikiDbContext"/>. Replace <see cref="IWikiAccessPolicy"/> before or after calling this to change access rules.
    /// Safe to call twice.
    /// </summary>
    public static IServiceCollection AddPortalWiki(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WikiOptions>().Bind(configuration.GetSection(WikiOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWikiDiffService, DiffPlexWikiDiffService>();
        services.TryAddSingleton<IWikiMerger, DiffPlexWikiMerger>();
        services.TryAddSingleton<IWikiAccessPolicy, WikiAccessPolicy>();
        services.TryAddScoped<IWikiLinkResolver, WikiDbLinkResolver>();
        services.TryAddScoped<IWikiRenderer, MarkdigWikiRenderer>();
        services.TryAddScoped<IWikiReader, WikiReader>();
        services.TryAddScoped<IWikiEditor, WikiEditor>();
        services.TryAddScoped<IWikiPageList, WikiPageList>();
        services.TryAddScoped<IWikiPageAdmin, WikiPageAdmin>();
        services.TryAddScoped<IWikiBlameService, WikiBlameService>();
        services.TryAddScoped<IWikiDraftService, WikiDraftService>();
        services.TryAddScoped<WikiWatchList>();
        services.TryAddScoped<IWikiWatchList>(sp => sp.GetRequiredService<WikiWatchList>());
        services.TryAddScoped<IWikiWatchPages>(sp => sp.GetRequiredService<WikiWatchList>());
        return services;
    }
}
