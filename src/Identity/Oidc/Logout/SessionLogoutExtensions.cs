using System.Security.Claims;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GatewayPortal.Identity.Oidc.Logout;

/// <summary>Ends an SSO session everywhere and starts single sign-out for it.</summary>
public static class SessionLogoutExtensions
{
    /// <summary>
    /// Marks the session a request carries as ended (on every node), queues back-channel logout for the
    /// applications it signed into and returns the front-channel logout URLs to load in frames.
    /// </summary>
    public static Task<IReadOnlyList<string>> EndPortalSessionAsync(this HttpContext context, ClaimsPrincipal session, SessionEndReason reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        var sid = session.FindFirstValue(PortalClaimTypes.SessionId);
        var subject = session.FindFirstValue(PortalClaimTypes.Subject);
        var login = session.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "";
        return sid is null || subject is null
            ? Task.FromResult<IReadOnlyList<string>>([])
            : EndAsync(context, sid, subject, login, endedBy: login, reason);
    }

    /// <summary>Ends someone else's session (an administrator's action) the same way.</summary>
    public static Task<IReadOnlyList<string>> EndPortalSessionAsync(this HttpContext context, PortalSession session, string endedBy)
    {
        ArgumentNullException.ThrowIfNull(session);
        return EndAsync(context, session.SessionId, session.SubjectId, session.Login, endedBy, SessionEndReason.Administrator);
    }

    private static async Task<IReadOnlyList<string>> EndAsync(
        HttpContext context, string sessionId, string subject, string login, string endedBy, SessionEndReason reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        await services.GetRequiredService<ISessionRegistry>().EndAsync(sessionId, endedBy, reason, context.RequestAborted).ConfigureAwait(false);
        var options = services.GetRequiredService<IOptions<OidcProviderOptions>>().Value;
        return await services.GetRequiredService<ISessionLogoutNotifier>().NotifySessionEndedAsync(
            sessionId, subject, login, OidcIssuer.For(context, options), context.RequestAborted).ConfigureAwait(false);
    }
}
