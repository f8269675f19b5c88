using System.Globalization;
using GatewayPortal.Wiki.Titles;

namespace GatewayPortal.Portal.Components.Pages.Wiki;

/// <summary>Typed links to the wiki pages; slugs are percent-encoded as the renderer encodes them.</summary>
public static class WikiPaths
{
    /// <summary>The wiki's root (the main page).</summary>
    public const string Root = "/wiki";

    /// <summary>The main page's title.</summary>
    public const string MainPageTitle = "대문";

    /// <summary>Recent changes.</summary>
    public const string Recent = "/wiki/special/recent";

    /// <summary>The person's watch list: changes to pages they watch or edited, and the pages they watch.</summary>
    public const string Watchlist = "/wiki/special/watchlist";

    /// <summary>The POST target of the ☆ (watch) form.</summary>
    public const string Watch = "/wiki/special/watch";

    /// <summary>The list of pages (by title or last edit, per space).</summary>
    public const string AllPages = "/wiki/special/pages";

    /// <summary>Asks for a new page's title, then opens the editor.</summary>
    public const string NewPage = "/wiki/special/new";

    /// <summary>The Atom feed of recent changes.</summary>
    public const string RecentFeed = "/wiki/special/recent.atom";

    /// <summary>The page's base path segment.</summary>
    public static string Page(WikiTitle title) => Root + "/" + Uri.EscapeDataString(Require(title).Slug);

    /// <summary>The page, with an optional query (e.g. "?rev=12").</summary>
    public static string View(WikiTitle title, string? query = null) => Page(title) + query;

    /// <summary>An old revision of the page.</summary>
    public static string Revision(WikiTitle title, long revisionId) => Page(title) + "?rev=" + Id(revisionId);

    /// <summary>The editor.</summary>
    public static string Edit(WikiTitle title) => Page(title) + "/edit";

    /// <summary>The history, optionally from a cursor.</summary>
    public static string History(WikiTitle title, long? before = null) =>
        Page(title) + "/history" + (before is { } b ? "?before=" + Id(b) : string.Empty);

    /// <summary>A comparison of two revisions.</summary>
    public static string Diff(WikiTitle title, long oldRevision, long newRevision, string view = "side") =>
        Page(title) + "/diff?old=" + Id(oldRevision) + "&new=" + Id(newRevision) + "&view=" + view;

    /// <summary>Who wrote each line, at a revision or the current one.</summary>
    public static string Blame(WikiTitle title, long? revision = null) =>
        Page(title) + "/blame" + (revision is { } r ? "?rev=" + Id(r) : string.Empty);

    /// <summary>What links here.</summary>
    public static string Links(WikiTitle title) => Page(title) + "/links";

    /// <summary>Move, delete, restore and protect.</summary>
    public static string Manage(WikiTitle title) => Page(title) + "/manage";

    /// <summary>The POST target of an admin action (revert, move, delete, restore, protect).</summary>
    public static string Action(WikiTitle title, string action) => Page(title) + "/" + action;

    /// <summary>A revision id as it appears in URLs.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a route slug (percent-decoded by routing); an empty slug is the main page.</summary>
    public static bool TryParseSlug(string? slug, out WikiTitle? title, out WikiTitleError error) =>
        WikiTitle.TryParse(string.IsNullOrEmpty(slug) ? MainPageTitle : slug, WikiTitle.MainSpace, out title, out error);

    private static WikiTitle Require(WikiTitle title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title;
    }
}
