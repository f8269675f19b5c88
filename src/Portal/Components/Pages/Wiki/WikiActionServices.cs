using GatewayPortal.Wiki.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>What the wiki's POST endpoints need, bundled for injection.</summary>
public sealed class WikiActionServices(IWikiReader reader, IWikiPageAdmin admin, WikiActorFactory actors, WikiHtmlCache cache, IAntiforgery antiforgery,
    GatewayPortal.Identity.Audit.IAdminAuditTrail audit)
{
    /// <summary>The administrators' audit trail.</summary>
    public GatewayPortal.Identity.Audit.IAdminAuditTrail Audit => audit;

    /// <summary>Moves, deletes, restores and protects pages.</summary>
    public IWikiPageAdmin Admin => admin;

    /// <summary>The rendered-page cache to invalidate after a change of which pages exist.</summary>
    public WikiHtmlCache Cache => cache;

    /// <summary>The posted form, or null when it is not a form or its antiforgery token is missing or wrong.</summary>
    public async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }

        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    /// <summary>The signed-in person as the wiki sees them.</summary>
    public Task<GatewayPortal.Wiki.Access.WikiActor> CreateActorAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return actors.CreateAsync(http.User);
    }

    /// <summary>Looks up the page named by the route slug.</summary>
    public Task<WikiPageContext?> LoadAsync(string slug, HttpContext http) => WikiPageContext.LoadAsync(slug, http, reader, actors);
}
