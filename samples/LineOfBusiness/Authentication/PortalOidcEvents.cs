using System.Security.Claims;
using GatewayPortal.Samples.LineOfBusiness.Pages;
using GatewayPortal.Samples.LineOfBusiness.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace GatewayPortal.Samples.LineOfBusiness.Authentication;

/// <summary>Registers a server-side session at sign-in and turns remote failures into short pages.</summary>
public sealed class PortalOidcEvents(LocalSessionRegistry sessions, ILogger<PortalOidcEvents> logger) : OpenIdConnectEvents
{
    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || identity.FindFirst(LobClaimTypes.Subject)?.Value is not { Length: > 0 } subject)
        {
            context.Fail("The id_token has no sub claim.");
            return Task.CompletedTask;
        }

        var portalSessionId = identity.FindFirst(LobClaimTypes.SessionId)?.Value;
        if (string.IsNullOrEmpty(portalSessionId))
        {
            logger.LogWarning("The id_token has no sid claim; back-channel logout can only match this session by sub.");
        }

        var session = sessions.Create(portalSessionId, subject, LobAuthenticationDefaults.SessionLifetime);
        identity.AddClaim(new Claim(LobClaimTypes.LocalSessionId, session.Id, ClaimValueTypes.String, "LOCAL AUTHORITY"));
        return Task.CompletedTask;
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandleResponse();
        if (IdentityProviderFailure.IsUnavailable(context.Failure))
        {
            logger.LogWarning("Identity provider unavailable during sign-in callback: {Reason}", IdentityProviderFailure.Describe(context.Failure!));
            context.Response.Headers.RetryAfter = "30";
            await HtmlPages.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, HtmlPages.IdentityProviderUnavailable());
            return;
        }

        logger.LogWarning("Sign-in through the portal failed: {Reason}", context.Failure?.Message ?? "unknown");
        await HtmlPages.WriteAsync(context.Response, StatusCodes.Status400BadRequest, HtmlPages.SignInFailed());
    }
}
