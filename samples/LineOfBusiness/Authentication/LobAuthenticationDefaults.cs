namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Scheme names, cookie name and session lifetime of the sample.</summary>
public static class LobAuthenticationDefaults
{
    public const string CookieScheme = "Cookies";
    public const string OidcScheme = "OpenIdConnect";
    public const string CookieName = "lob_session";

    /// <summary>One working day; the cookie is not sliding, so the server-side session expires with it.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Scopes requested from the portal: the standard ones plus the portal's <c>groups</c> and <c>employee</c>.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email", "groups", "employee"];
}
