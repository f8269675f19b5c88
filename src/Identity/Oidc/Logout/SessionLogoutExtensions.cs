using System.Security.Claims;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>Starts single sign-out for the session a request carries.</summary>
public static class SessionLogoutExtensions
{
    /// <summary>
    /// Queues back-channel logout for the applications <paramref name="session"/> signed into and
    /// returns the front-channel logout URLs to load in frames.
    /// </summary>
    public static Task<IReadOnlyList<string>> NotifyApplicationsOfSignOutAsync(this HttpContext context, ClaimsPrincipal session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        var sid = session.FindFirstValue(PortalClaimTypes.SessionId);
        var subject = session.FindFirstValue(PortalClaimTypes.Subject);
        if (sid is null || subject is null)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<OidcProviderOptions>>().Value;
        return context.RequestServices.GetRequiredService<ISessionLogoutNotifier>().NotifySessionEndedAsync(
            sid, subject, session.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "", OidcIssuer.For(context, options), context.RequestAborted);
    }
}
