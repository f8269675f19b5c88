using Microsoft.AspNetCore.Http;

namespace GatewayPortal.Portal.Home;

/// <summary>
/// Whether systems open in a new tab (the default: the portal stays open behind them) or replace the portal's tab.
/// The person's choice is kept in a cookie (there is no preferences store); every link that opens a system takes its
/// <c>target</c> and <c>rel</c> from here, through <see cref="LinkAttributes"/>.
/// </summary>
public static class LaunchWindow
{
    /// <summary>The cookie that holds the choice: <see cref="SameTab"/> or <see cref="NewTab"/>.</summary>
    public const string CookieName = "portal.launch";

    /// <summary>The cookie value for "open systems in this tab".</summary>
    public const string SameTab = "same";

    /// <summary>The cookie value for "open systems in a new tab".</summary>
    public const string NewTab = "new";

    /// <summary>Where the form that changes the choice posts.</summary>
    public const string Path = "/launcher/window";

    /// <summary>True unless the person chose to open systems in the portal's own tab.</summary>
    public static bool OpensInNewTab(HttpContext? context) =>
        context is null || !string.Equals(context.Request.Cookies[CookieName], SameTab, StringComparison.Ordinal);

    /// <summary>
    /// The attributes of a link that opens a system: never Blazor's enhanced navigation (the launch redirects to
    /// another site), and <c>target="_blank" rel="noopener"</c> when systems open in a new tab. Pair it with
    /// <see cref="Components.Pages.Launcher.NewTabHint"/> inside the link, which says so to screen readers.
    /// </summary>
    public static IReadOnlyDictionary<string, object> LinkAttributes(HttpContext? context) =>
        OpensInNewTab(context) ? NewTabAttributes : SameTabAttributes;

    private static readonly Dictionary<string, object> NewTabAttributes = new(StringComparer.Ordinal)
    {
        ["data-enhance-nav"] = "false",
        ["target"] = "_blank",
        ["rel"] = "noopener",
    };

    private static readonly Dictionary<string, object> SameTabAttributes = new(StringComparer.Ordinal)
    {
        ["data-enhance-nav"] = "false",
    };

    /// <summary>Keeps the choice for a year.</summary>
    public static void Remember(HttpContext context, bool newTab)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CookieName,
            newTab ? NewTab : SameTab,
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
            });
    }
}
