using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Logout;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    private static async Task<IResult> EndSessionAsync(HttpContext context, ISignInAuditLog audit, IOptions<OidcProviderOptions> options)
    {
        // RP-initiated logout: OpenIddict has checked the client and its post_logout_redirect_uri.
        var o = options.Value;
        var session = await context.AuthenticateAsync(o.SessionScheme);
        if (session.Principal is { } user)
        {
            var client = new SignInClient(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
            await audit.RecordAsync(new(
                user.FindFirst(PortalClaimTypes.PreferredUsername)?.Value ?? "",
                SignInOutcome.SignedOut,
                "Application",
                client,
                user.FindFirst(PortalClaimTypes.Subject)?.Value,
                user.FindFirst(PortalClaimTypes.Name)?.Value), context.RequestAborted);
            await context.SignOutAsync(o.SessionScheme);
            await context.NotifyApplicationsOfSignOutAsync(user);
        }

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/account/login?signedOut=true" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
