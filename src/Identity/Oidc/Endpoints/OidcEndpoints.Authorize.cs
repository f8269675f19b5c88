using System.Globalization;
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
    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        OidcAccessPolicy policy,
        OidcReauthentication reauthentication,
        IOidcDbContext oidc,
        SessionApplicationLinks links,
        ISignInAuditLog audit,
        IOptions<OidcProviderOptions> options,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var o = options.Value;
        var session = await context.AuthenticateAsync(o.SessionScheme).ConfigureAwait(false);

        // No SSO session yet, or the application demands a fresh sign-in (prompt=login, max_age): the portal's login page, then back here.
        if (!session.Succeeded || reauthentication.IsRequired(context, request, session))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = reauthentication.ReturnUrl(context, session) }, [o.SessionScheme]);
        }

        var user = session.Principal!;
        var clientId = request.ClientId ?? "";
        var subject = user.FindFirst(PortalClaimTypes.Subject)?.Value;
        var login = user.FindFirst(PortalClaimTypes.PreferredUsername)?.Value ?? "";
        var name = user.FindFirst(PortalClaimTypes.Name)?.Value;
        var verdict = await policy.EvaluateAsync(user, clientId, session.Properties?.IssuedUtc, context.RequestAborted).ConfigureAwait(false);
        if (!verdict.IsAllowed)
        {
            await audit.RecordAsync(new(login, SignInOutcome.ApplicationAccessDenied, $"{verdict.Refusal}:{clientId}", ClientOf(context), subject, name), context.RequestAborted).ConfigureAwait(false);

            // An application that asked not to show anything hears the refusal itself (OIDC Core §3.1.2.6).
            return request.HasPromptValue(PromptValues.None)
                ? Forbid(Errors.AccessDenied, "The person may not use this application.")
                : Results.Redirect(string.Format(CultureInfo.InvariantCulture, o.AccessDeniedPath, Uri.EscapeDataString(clientId)));
        }

        var sessionId = user.FindFirst(PortalClaimTypes.SessionId)?.Value;
        if (sessionId is not null && subject is not null)
        {
            await links.RecordAsync(oidc, sessionId, subject, clientId, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false);
        }

        await audit.RecordAsync(new(login, SignInOutcome.ApplicationSignIn, clientId, ClientOf(context), subject, name), context.RequestAborted).ConfigureAwait(false);
        var principal = OidcPrincipalBuilder.FromSession(user, request.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
