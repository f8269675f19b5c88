using System.Globalization;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Wiki.Storage;
using GatewayPortal.Wiki.Titles;
using GatewayPortal.Wiki.Watch;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>The ☆ on a wiki page and the remove buttons of the watch list: one form post that sets the state it names.</summary>
public static class WikiWatchEndpoints
{
    /// <summary>Maps POST /wiki/special/watch (fields <c>page</c>, <c>watch</c> = true|false, optional <c>return</c> = watchlist).</summary>
    public static RouteGroupBuilder MapWikiWatchEndpoints(this RouteGroupBuilder wiki)
    {
        ArgumentNullException.ThrowIfNull(wiki);
        wiki.MapPost("/special/watch", WatchAsync).WithName("WikiWatch");
        return wiki;
    }

    private static async Task<IResult> WatchAsync(HttpContext http, WikiActionServices services, IWikiWatchPages watches, IWikiDbContext db)
    {
        // The form sets a state (not "toggle"), so a form sent twice does not undo itself.
        if (await services.ReadFormAsync(http) is not { } form
            || !long.TryParse(form["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var pageId)
            || form["watch"].ToString() is not ("true" or "false"))
        {
            return TypedResults.BadRequest();
        }

        var watch = form["watch"] == "true";
        var actor = await services.CreateActorAsync(http);
        var result = await watches.SetWatchingAsync(actor, pageId, watch, http.RequestAborted);
        if (result == WikiWatchResult.NotFound)
        {
            return TypedResults.NotFound();
        }

        var code = result switch
        {
            WikiWatchResult.LimitReached => "WatchLimit",
            WikiWatchResult.Watching => "watched",
            _ => "unwatched",
        };
        if (string.Equals(form["return"], "watchlist", StringComparison.Ordinal))
        {
            return TypedResults.LocalRedirect(WikiPaths.Watchlist + "?notice=" + code);
        }

        var page = await db.WikiPages.AsNoTracking().Where(p => p.Id == pageId)
            .Select(p => new { p.SpaceKey, p.Title, IsRedirect = p.RedirectToPageId != null }).SingleAsync(http.RequestAborted);
        // A redirect page is shown with ?redirect=no, or the star would send the person on to the target.
        return TypedResults.LocalRedirect(WikiPaths.View(new WikiTitle(page.SpaceKey, page.Title), (page.IsRedirect ? "?redirect=no&notice=" : "?notice=") + code));
    }
}
