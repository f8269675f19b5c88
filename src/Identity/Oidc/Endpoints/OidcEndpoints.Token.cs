using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    private static async Task<IResult> TokenAsync(
        HttpContext context, IDirectoryService directory, ISessionRegistry sessions, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has validated the code or refresh token (single use, rotation, reuse detection).
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("The grant carries no principal.");
            var subject = granted.GetClaim(Claims.Subject) ?? "";
            var sessionId = granted.GetClaim(PortalClaimTypes.SessionId);
            if (sessionId is not null && await sessions.IsEndedAsync(sessionId, context.RequestAborted))
            {
                // Signed out, or ended by an administrator: the applications' tokens end with the session.
                return Forbid(Errors.InvalidGrant, "The portal session this grant belongs to has ended.");
            }

            ClaimsPrincipal principal;
            try
            {
                // Re-read the person: someone disabled since sign-in gets no new tokens, group changes arrive.
                var person = await directory.FindUserBySubjectAsync(subject, context.RequestAborted);
                if (person is not { IsDisabled: false })
                {
                    return Forbid(Errors.InvalidGrant, "The person is no longer active in the directory.");
                }

                principal = OidcPrincipalBuilder.FromDirectory(person, sessionId, granted.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }
            catch (DirectoryUnavailableException)
            {
                // The directory is down: keep applications working with the claims of the original grant.
                principal = OidcPrincipalBuilder.FromSession(granted, granted.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            }

            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId ?? "", context.RequestAborted)
                ?? throw new InvalidOperationException("The client was authenticated but cannot be found.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, context.RequestAborted));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, context.RequestAborted));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}
