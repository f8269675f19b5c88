using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    private static async Task<IResult> TokenAsync(
        HttpContext context,
        OidcAccessPolicy policy,
        ISignInAuditLog audit,
        IOpenIddictApplicationManager applications,
        IOptions<OidcProviderOptions> options,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has validated the code or refresh token (single use, rotation, reuse detection); what allowed
            // it is asked again: the session is running, the person active, the application open to their groups.
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)).Principal
                ?? throw new InvalidOperationException("The grant carries no principal.");
            var clientId = request.ClientId ?? "";
            var verdict = await policy.EvaluateAsync(granted, clientId, sessionStarted: null, context.RequestAborted).ConfigureAwait(false);
            if (!verdict.IsAllowed)
            {
                await audit.RecordAsync(new(
                    granted.GetClaim(Claims.PreferredUsername) ?? "",
                    SignInOutcome.ApplicationAccessDenied,
                    $"token:{verdict.Refusal}:{clientId}",
                    ClientOf(context),
                    granted.GetClaim(Claims.Subject),
                    granted.GetClaim(Claims.Name)), context.RequestAborted).ConfigureAwait(false);
                return Forbid(Errors.InvalidGrant, $"The grant is no longer allowed ({verdict.Refusal}).");
            }

            // Group changes arrive with the fresh directory read; while the directory is down, the grant's claims stay.
            var principal = verdict.Person is { } person
                ? OidcPrincipalBuilder.FromDirectory(person, granted, granted.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : OidcPrincipalBuilder.FromSession(granted, granted.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

            // No token outlives the portal session it came from.
            var remaining = verdict.SessionExpires - time.GetUtcNow();
            principal.SetRefreshTokenLifetime(Shortest(options.Value.RefreshTokenLifetime, remaining));
            principal.SetAccessTokenLifetime(Shortest(options.Value.AccessTokenLifetime, remaining));
            principal.SetIdentityTokenLifetime(Shortest(options.Value.IdentityTokenLifetime, remaining));
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId ?? "", context.RequestAborted).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The client was authenticated but cannot be found.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application, context.RequestAborted).ConfigureAwait(false));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, context.RequestAborted).ConfigureAwait(false));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static TimeSpan Shortest(TimeSpan configured, TimeSpan remaining) => remaining < configured ? remaining : configured;

    private static SignInClient ClientOf(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
}
