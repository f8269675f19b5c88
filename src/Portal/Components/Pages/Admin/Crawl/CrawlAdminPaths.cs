namespace GatewayPortal.Portal.Components.Pages.Admin.Crawl;

/// <summary>Typed links to the crawl site administration.</summary>
public static class CrawlAdminPaths
{
    /// <summary>Every site with its state and progress.</summary>
    public const string List = "/admin/search/sites";

    /// <summary>The form for a new site.</summary>
    public const string New = "/admin/search/sites/new";

    /// <summary>The edit page of a site added on the admin page.</summary>
    public static string Edit(int id) => $"{List}/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/edit";

    /// <summary>The list with a notice (saved, deleted, requested, enabled, disabled) or an error (busy, unknown).</summary>
    public static string WithNotice(string notice) => $"{List}?notice={Uri.EscapeDataString(notice)}";
}
