using GatewayPortal.Samples.LineOfBusiness.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Honours a cookie only while its server-side session is live (ended by sign-out, back-channel logout or expiry).</summary>
public sealed class SessionCookieEvents(LocalSessionRegistry sessions, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = context.Principal?.FindFirst(LobClaimTypes.LocalSessionId)?.Value;
        if (sessions.IsActive(sessionId))
        {
            return;
        }

        logger.LogInformation("Rejecting a session cookie whose server-side session has ended ({Path}).", context.Request.Path);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(LobAuthenticationDefaults.CookieScheme);
    }
}
