using System.Globalization;
using GatewayPortal.Identity.Applications.Admin;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Portal.Components.Pages.Wiki;
using GatewayPortal.Portal.SignIn;
using GatewayPortal.Wiki.Feed;
using GatewayPortal.Wiki.Pages;
using GatewayPortal.Wiki.Titles;
using Microsoft.Extensions.Localization;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>The wiki's form posts (revert, move, delete, restore, protect) and the recent-changes Atom feed.</summary>
public static class WikiEndpoints
{
    /// <summary>Maps the POST actions under /wiki/{slug}/ and GET /wiki/special/recent.atom.</summary>
    public static IEndpointRouteBuilder MapWikiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every POST checks the form's antiforgery token itself (as the session endpoints do) and answers 400 without it.
        var wiki = endpoints.MapGroup(WikiPaths.Root).RequireAuthorization().WithTags("Wiki").DisableAntiforgery();
        wiki.MapGet("/special/recent.atom", FeedAsync).WithName("WikiRecentFeed");
        wiki.MapPost("/{slug}/revert", RevertAsync).WithName("WikiRevert");
        wiki.MapPost("/{slug}/move", MoveAsync).WithName("WikiMove");
        wiki.MapWikiWatchEndpoints();

        var admin = wiki.MapGroup("").RequireAuthorization(PortalAuthenticationDefaults.AdministratorPolicy);
        admin.MapPost("/{slug}/delete", (string slug, HttpContext http, WikiActionServices services) =>
            AdminAsync(slug, http, services, _ => "deleted", _ => (AdminAuditActions.WikiPageDelete, new { Deleted = false }, new { Deleted = true }),
                (admin, id, actor, _) => admin.DeleteAsync(id, actor, http.RequestAborted))).WithName("WikiDelete");
        admin.MapPost("/{slug}/restore", (string slug, HttpContext http, WikiActionServices services) =>
            AdminAsync(slug, http, services, _ => "restored", _ => (AdminAuditActions.WikiPageRestore, new { Deleted = true }, new { Deleted = false }),
                (admin, id, actor, _) => admin.RestoreAsync(id, actor, http.RequestAborted))).WithName("WikiRestore");
        admin.MapPost("/{slug}/protect", (string slug, HttpContext http, WikiActionServices services) =>
            AdminAsync(slug, http, services, form => IsTrue(form, "protect") ? "protected" : "unprotected",
                form => (AdminAuditActions.WikiPageProtect, new { Protected = !IsTrue(form, "protect") }, new { Protected = IsTrue(form, "protect") }),
                (admin, id, actor, form) => admin.SetProtectedAsync(id, IsTrue(form, "protect"), actor, http.RequestAborted))).WithName("WikiProtect");
        admin.MapPost("/{slug}/permissions", PermissionsAsync).WithName("WikiPermissions");
        return endpoints;
    }

    private static async Task<IResult> RevertAsync(string slug, HttpContext http, WikiActionServices services, IWikiEditor editor)
    {
        if (await services.ReadFormAsync(http) is not { } form
            || !long.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return TypedResults.BadRequest();
        }

        if (await services.LoadAsync(slug, http) is not { Page: not null } context)
        {
            return TypedResults.NotFound();
        }

        var result = await editor.RevertAsync(revision, context.Actor, http.RequestAborted);
        var history = WikiPaths.History(context.Title);
        return result switch
        {
            WikiSaveResult.Saved or WikiSaveResult.Merged => TypedResults.LocalRedirect(WikiPaths.View(context.Title, "?notice=reverted")),
            WikiSaveResult.NoChange => TypedResults.LocalRedirect(history + "?notice=nochange"),
            WikiSaveResult.Protected => Refused(http, history, "Protected"),
            WikiSaveResult.Deleted => Refused(http, history, "Deleted"),
            _ => Refused(http, history, "Forbidden"),
        };
    }

    private static async Task<IResult> MoveAsync(string slug, HttpContext http, WikiActionServices services)
    {
        if (await services.ReadFormAsync(http) is not { } form)
        {
            return TypedResults.BadRequest();
        }

        var newTitle = form["newTitle"].ToString();
        var leaveRedirect = IsTrue(form, "leaveRedirect");
        if (await services.LoadAsync(slug, http) is not { Page: { } page } context)
        {
            return TypedResults.NotFound();
        }

        var manage = WikiPaths.Manage(context.Title);
        if (string.IsNullOrWhiteSpace(newTitle) || !WikiTitle.TryParse(newTitle, page.Title.Space, out var target, out _))
        {
            return TypedResults.LocalRedirect(manage + "?error=InvalidTitle");
        }

        var result = await services.Admin.MoveAsync(page.PageId, page.Title.Space, target.LinkTarget, leaveRedirect, context.Actor, http.RequestAborted);
        if (result == WikiAdminResult.Done)
        {
            services.Cache.PagesChanged();
            return TypedResults.LocalRedirect(WikiPaths.View(target, "?notice=moved"));
        }

        return TypedResults.LocalRedirect(manage + "?error=" + result);
    }

    private static async Task<IResult> AdminAsync(string slug, HttpContext http, WikiActionServices services, Func<IFormCollection, string> noticeOf,
        Func<IFormCollection, (string Action, object Before, object After)> auditOf,
        Func<IWikiPageAdmin, long, GatewayPortal.Wiki.Access.WikiActor, IFormCollection, Task<WikiAdminResult>> action)
    {
        if (await services.ReadFormAsync(http) is not { } form)
        {
            return TypedResults.BadRequest();
        }

        if (await services.LoadAsync(slug, http) is not { Page: { } page } context)
        {
            return TypedResults.NotFound();
        }

        var notice = noticeOf(form);
        var result = await action(services.Admin, page.PageId, context.Actor, form);
        if (result != WikiAdminResult.Done)
        {
            return TypedResults.LocalRedirect(WikiPaths.Manage(context.Title) + "?error=" + result);
        }

        // Written right after the wiki's own transaction committed.
        var (auditAction, before, after) = auditOf(form);
        await services.Audit.RecordAsync(new(auditAction, AdminAuditTargets.WikiPage, page.PageId.ToString(CultureInfo.InvariantCulture), context.Title.ToString(),
            before, after, $"Wiki page {notice}"), http.RequestAborted);
        services.Cache.PagesChanged();
        return TypedResults.LocalRedirect(WikiPaths.View(context.Title, (notice == "deleted" ? "?redirect=no&notice=" : "?notice=") + notice));
    }

    // Page read/edit rules: every group must exist in the directory, so a typo cannot lock a page away from everyone.
    private static async Task<IResult> PermissionsAsync(string slug, HttpContext http, WikiActionServices services, IDirectoryGroupLookup groups)
    {
        if (await services.ReadFormAsync(http) is not { } form)
        {
            return TypedResults.BadRequest();
        }

        if (await services.LoadAsync(slug, http) is not { Page: { } page } context)
        {
            return TypedResults.NotFound();
        }

        var manage = WikiPaths.Manage(context.Title);
        var permissions = new WikiPagePermissions(GroupList(form["readGroups"]), GroupList(form["editGroups"]));
        try
        {
            foreach (var group in permissions.ReadGroups.Concat(permissions.EditGroups).Distinct(StringComparer.OrdinalIgnoreCase).Take(2 * WikiPagePermissions.MaxGroups))
            {
                if (!await groups.ExistsAsync(group, http.RequestAborted))
                {
                    return TypedResults.LocalRedirect(manage + "?error=UnknownGroup");
                }
            }
        }
        catch (DirectoryUnavailableException)
        {
            return TypedResults.LocalRedirect(manage + "?error=DirectoryUnavailable");
        }

        var before = await services.Admin.GetPermissionsAsync(page.PageId, context.Actor, http.RequestAborted);
        var result = await services.Admin.SetPermissionsAsync(page.PageId, permissions, context.Actor, http.RequestAborted);
        if (result == WikiAdminResult.Done)
        {
            // Written right after the wiki's own transaction committed; the after state is read back as stored (trimmed, de-duplicated).
            var after = await services.Admin.GetPermissionsAsync(page.PageId, context.Actor, http.RequestAborted);
            await services.Audit.RecordAsync(new(AdminAuditActions.WikiPermissionsUpdate, AdminAuditTargets.WikiPage, page.PageId.ToString(CultureInfo.InvariantCulture),
                context.Title.ToString(), before, after, "Wiki page read and edit groups replaced"), http.RequestAborted);
        }

        return TypedResults.LocalRedirect(manage + (result == WikiAdminResult.Done ? "?notice=permissions" : "?error=" + result));
    }

    /// <summary>Group names from a field separated by commas or line breaks.</summary>
    private static List<string> GroupList(string? field) =>
        [.. (field ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool IsTrue(IFormCollection form, string field) => string.Equals(form[field], "true", StringComparison.OrdinalIgnoreCase);

    private static IResult Refused(HttpContext http, string page, string code)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.LocalRedirect(page + "?error=" + code);
    }

    private static async Task<IResult> FeedAsync(HttpContext http, IWikiReader reader, WikiActorFactory actors, IStringLocalizer<SharedResource> localizer, TimeProvider time,
        string? space = null, bool hideminor = false)
    {
        var actor = await actors.CreateAsync(http.User);
        var key = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        if (key is not null && !WikiTitle.IsValidSpaceKey(key))
        {
            return TypedResults.BadRequest();
        }

        var changes = await reader.GetRecentChangesAsync(new RecentChangesQuery(key, null, hideminor, null, 50), actor, http.RequestAborted);
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}");
        var page = new Uri(origin, WikiPaths.Recent);
        var feed = new WikiFeedInfo(page, localizer["WikiRecentFeedTitle"], new Uri(origin, WikiPaths.RecentFeed), page);
        var xml = WikiAtomFeedBuilder.Build(feed, changes.Items, change => new Uri(origin, change.Revision.ParentRevisionId is { } parent
            ? WikiPaths.Diff(change.Title, parent, change.Revision.Id)
            : WikiPaths.Revision(change.Title, change.Revision.Id)), time.GetUtcNow());
        // The feed lists only what this reader may read: no shared cache may keep it, and it differs per sign-in cookie and language.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers.Vary = "Cookie, Accept-Language";
        return TypedResults.Text(xml, "application/atom+xml; charset=utf-8");
    }
}
