using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Portal.SignIn;

/// <summary>
/// 아이디 저장: the login name (never the password) kept in a long-lived cookie that only the login page reads. It is set
/// when the person ticks the box and signs in, and cleared when they submit with the box unticked.
/// </summary>
public static class RememberedLogin
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "GatewayPortal.LoginName";

    /// <summary>The form field of the tick box.</summary>
    public const string FormField = "Input.RememberLogin";

    /// <summary>How long the name is kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The remembered login name, or null when there is none or it is not a name any account could have.</summary>
    public static string? Read(HttpContext context, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
        return value is not null && value.Length <= maxLength && LoginName.TryNormalize(value, maxLength, out _) ? value.Trim() : null;
    }

    /// <summary>After a submitted login form: keeps the name when ticked and signed in, forgets it when unticked.</summary>
    public static void Apply(HttpContext context, bool remember, string? login, bool signedIn, int maxLength, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!remember)
        {
            if (context.Request.Cookies.ContainsKey(CookieName))
            {
                context.Response.Cookies.Delete(CookieName, Options(context, null));
            }

            return;
        }

        if (signedIn && login is not null && LoginName.TryNormalize(login, maxLength, out _))
        {
            context.Response.Cookies.Append(CookieName, login.Trim(), Options(context, now + Lifetime));
        }
    }

    /// <summary>Whether the form's tick box was ticked (an InputCheckbox posts "True" only when ticked).</summary>
    public static bool IsTicked(string? value) => bool.TryParse(value, out var ticked) && ticked;

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        Path = PortalAuthenticationDefaults.LoginPath,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Expires = expires,
    };
}
