using GatewayPortal.Samples.LineOfBusiness.Authentication;
using GatewayPortal.Samples.LineOfBusiness.Pages;
using GatewayPortal.Samples.LineOfBusiness.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace GatewayPortal.Samples.LineOfBusiness.Endpoints;

/// <summary>
/// <c>POST /signout</c>: ends the local session, then RP-initiated logout at the portal's end-session endpoint;
/// the portal returns to <c>/signout-callback-oidc</c>, which lands on <c>/signed-out</c>.
/// </summary>
public static class SignOutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IAntiforgery antiforgery, LocalSessionRegistry sessions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(sessions);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Content(HtmlPages.BadRequest(), HtmlPages.ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.LocalRedirect(LobPaths.SignedOut);
        }

        sessions.Remove(context.User.FindFirst(LobClaimTypes.LocalSessionId)?.Value);
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = LobPaths.SignedOut },
            [LobAuthenticationDefaults.CookieScheme, LobAuthenticationDefaults.OidcScheme]);
    }
}
