using System.Security.Claims;
using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Portal.Components.Pages.Admin.Applications;

/// <summary>Who an administrator is, for the audit lines of registry changes.</summary>
public static class AdminActor
{
    /// <summary>The signed-in person's login name (or subject).</summary>
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? user.FindFirstValue(PortalClaimTypes.Subject) ?? "unknown";
    }
}
