namespace GatewayPortal.Portal.Home;

/// <summary>
/// Where <c>/launch/{clientId}?target=…</c> may send a person: a page of the application itself. A counter's link
/// passes through the launch route (access check, maintenance page, "recently used") and may only lead to the
/// application's own origin, never elsewhere (no open redirect through the portal).
/// </summary>
public static class LaunchTarget
{
    /// <summary>Longest target accepted (a request line's worth).</summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// True when <paramref name="target"/> is an absolute http(s) URL with the same scheme, host and port as
    /// <paramref name="launchUrl"/>, without user info.
    /// </summary>
    public static bool IsSameOrigin(string? target, string? launchUrl)
    {
        if (string.IsNullOrEmpty(target) || target.Length > MaxLength || string.IsNullOrEmpty(launchUrl)
            || target.Any(char.IsControl)
            || !Uri.TryCreate(target, UriKind.Absolute, out var to)
            || !Uri.TryCreate(launchUrl, UriKind.Absolute, out var home))
        {
            return false;
        }

        return (to.Scheme == Uri.UriSchemeHttps || to.Scheme == Uri.UriSchemeHttp)
            && to.UserInfo.Length == 0
            && string.Equals(to.Scheme, home.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(to.IdnHost, home.IdnHost, StringComparison.OrdinalIgnoreCase)
            && to.Port == home.Port;
    }

    /// <summary>The portal link that opens <paramref name="clientId"/> at <paramref name="target"/> (or its start page).</summary>
    public static string Link(string clientId, string? target) =>
        "/launch/" + Uri.EscapeDataString(clientId) + (string.IsNullOrEmpty(target) ? "" : "?target=" + Uri.EscapeDataString(target));
}
