using GatewayPortal.Wiki.Access;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Titles;
using Microsoft.AspNetCore.Http;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>What every wiki sub-page starts from: the title in the URL, who is asking and the page as they may see it.</summary>
/// <param name="Title">The parsed title.</param>
/// <param name="Actor">The signed-in person.</param>
/// <param name="Lookup">The page lookup.</param>
public sealed record WikiPageContext(WikiTitle Title, WikiActor Actor, WikiPageLookup Lookup)
{
    /// <summary>The page when it exists and may be read.</summary>
    public WikiPageView? Page => Lookup.Page;

    /// <summary>The HTTP status for a lookup that found nothing to show.</summary>
    public int StatusCode => Lookup.Status switch
    {
        WikiLookupStatus.Found => StatusCodes.Status200OK,
        WikiLookupStatus.Forbidden => StatusCodes.Status403Forbidden,
        WikiLookupStatus.InvalidTitle => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status404NotFound,
    };

    /// <summary>The resource key of the message for a lookup that found nothing to show.</summary>
    public string MessageKey => Lookup.Status switch
    {
        WikiLookupStatus.Forbidden => "WikiErrorForbidden",
        WikiLookupStatus.InvalidTitle => "WikiErrorInvalidTitle",
        WikiLookupStatus.Deleted => "WikiDeletedNotice",
        _ => "WikiErrorNotFound",
    };

    /// <summary>
    /// Sets the response status but keeps this page's own body. Blazor treats a 404 set during rendering as "not found" and
    /// leaves the body to the status-code pages (losing the "create this page" link), so a 404 is applied as the headers go out.
    /// </summary>
    public static void SetStatus(HttpContext http, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (statusCode != StatusCodes.Status404NotFound)
        {
            http.Response.StatusCode = statusCode;
            return;
        }

        http.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }, http.Response);
    }

    /// <summary>Parses the slug and looks the page up; null when the slug is not a valid title.</summary>
    public static async Task<WikiPageContext?> LoadAsync(string? slug, HttpContext http, IWikiReader reader, WikiActorFactory actors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(actors);
        if (!WikiPaths.TryParseSlug(slug, out var title, out _))
        {
            SetStatus(http, StatusCodes.Status400BadRequest);
            return null;
        }

        var actor = await actors.CreateAsync(http.User);
        var lookup = await reader.GetPageAsync(WikiTitle.MainSpace, title!.LinkTarget, actor, http.RequestAborted);
        var context = new WikiPageContext(title, actor, lookup);
        SetStatus(http, context.StatusCode);
        return context;
    }
}
