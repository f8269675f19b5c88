namespace GatewayPortal.Portal.SignIn;

/// <summary>Names of the portal's cookie schemes and policies.</summary>
public static class PortalAuthenticationDefaults
{
    /// <summary>The SSO session cookie.</summary>
    public const string SessionScheme = "GatewayPortal.Session";

    /// <summary>The short-lived cookie between a right password and a verified second factor.</summary>
    public const string SecondFactorScheme = "GatewayPortal.SecondFactor";

    /// <summary>The policy for portal administrators (members of the configured directory groups).</summary>
    public const string AdministratorPolicy = "PortalAdministrator";

    /// <summary>The sign-in page.</summary>
    public const string LoginPath = "/account/login";
}
