using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Logout;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    /// <summary>The form field the confirmation page posts back.</summary>
    public const string ConfirmParameter = "confirm";

    private static async Task<IResult> EndSessionAsync(
        HttpContext context, ISignInAuditLog audit, IAntiforgery antiforgery, FrontChannelLogoutFrames frames, IOptions<OidcProviderOptions> options)
    {
        // RP-initiated logout: OpenIddict has checked the client, the id_token_hint and the post_logout_redirect_uri.
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var o = options.Value;
        var session = await context.AuthenticateAsync(o.SessionScheme).ConfigureAwait(false);
        if (session.Principal is { } user)
        {
            // Without a valid id_token_hint anyone could link a person here: ask first. OpenIddict lets an invalid hint
            // through as if absent, so only a hint it validated, issued to this very person, stands for the application.
            if (!await HintNamesAsync(context, user).ConfigureAwait(false) && !await IsConfirmedAsync(context, antiforgery).ConfigureAwait(false))
            {
                return Results.Redirect(o.EndSessionConfirmationPath + QueryString.Create(OriginalParameters(context)));
            }

            var client = new SignInClient(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
            await audit.RecordAsync(new(
                user.FindFirst(PortalClaimTypes.PreferredUsername)?.Value ?? "",
                SignInOutcome.SignedOut,
                "Application",
                client,
                user.FindFirst(PortalClaimTypes.Subject)?.Value,
                user.FindFirst(PortalClaimTypes.Name)?.Value), context.RequestAborted).ConfigureAwait(false);
            await context.SignOutAsync(o.SessionScheme).ConfigureAwait(false);
            var frontChannel = await context.EndPortalSessionAsync(user, SessionEndReason.ApplicationLogout).ConfigureAwait(false);
            if (frontChannel.Count > 0)
            {
                // Applications that only know front-channel logout need frames in this browser first: the
                // signed-out page loads them and offers the way back to the application that asked.
                var returnTo = request.PostLogoutRedirectUri is { Length: > 0 } target
                    ? (request.State is { Length: > 0 } state ? QueryHelpers.AddQueryString(target, OpenIddictConstants.Parameters.State, state) : target)
                    : null;
                return Results.Redirect($"{o.SignedOutPath}&fc={Uri.EscapeDataString(frames.Protect(frontChannel, returnTo))}");
            }
        }

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = o.SignedOutPath },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<bool> HintNamesAsync(HttpContext context, ClaimsPrincipal user) =>
        !string.IsNullOrEmpty(context.GetOpenIddictServerRequest()?.IdTokenHint)
        && (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)).Principal?.GetClaim(OpenIddictConstants.Claims.Subject) is { } subject
        && string.Equals(subject, user.FindFirst(PortalClaimTypes.Subject)?.Value, StringComparison.Ordinal);

    private static async Task<bool> IsConfirmedAsync(HttpContext context, IAntiforgery antiforgery) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.HasFormContentType
        && (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))[ConfirmParameter] == "yes"
        && await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);

    private static IEnumerable<KeyValuePair<string, StringValues>> OriginalParameters(HttpContext context)
    {
        var source = context.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)context.Request.Form : context.Request.Query;
        return source.Where(p => p.Key is not ConfirmParameter and not "__RequestVerificationToken");
    }
}
