namespace GatewayPortal.Identity.Oidc;

/// <summary>The portal's own scopes, besides openid, profile, email and offline_access.</summary>
public static class OidcScopes
{
    /// <summary>Releases the department, title, grade and employee number.</summary>
    public const string Employee = "employee";

    /// <summary>Releases the directory groups.</summary>
    public const string Groups = "groups";

    /// <summary>Access to the portal's APIs (client credentials).</summary>
    public const string Api = "api";

    /// <summary>Pushing work counters for the people a system serves (client credentials; <c>/api/counters</c>).</summary>
    public const string Counters = "portal.counters";
}
