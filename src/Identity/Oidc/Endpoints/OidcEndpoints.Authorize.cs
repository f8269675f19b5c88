using System.Globalization;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        IApplicationsDbContext applications,
        ApplicationCatalogue catalogue,
        IOidcDbContext oidc,
        ISignInAuditLog audit,
        IOptions<OidcProviderOptions> options,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var o = options.Value;
        var session = await context.AuthenticateAsync(o.SessionScheme);

        // No SSO session yet (or the application demands a fresh sign-in): the portal's login page, then back here.
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login) || MaxAgeExceeded(request, session, time))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = context.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)context.Request.Form : context.Request.Query;
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                parameters.Where(p => p.Key != Parameters.Prompt && p.Key != Parameters.MaxAge));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [o.SessionScheme]);
        }

        var user = session.Principal!;
        var clientId = request.ClientId ?? "";
        var app = await catalogue.FindAsync(applications, clientId, context.RequestAborted);
        var groups = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).ToList();
        var decision = app is null ? ApplicationAccessDecision.NotInAllowedGroups : ApplicationAccessPolicy.Evaluate(app, groups);
        var client = new SignInClient(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        var subject = user.FindFirst(PortalClaimTypes.Subject)?.Value;
        var login = user.FindFirst(PortalClaimTypes.PreferredUsername)?.Value ?? "";
        var name = user.FindFirst(PortalClaimTypes.Name)?.Value;
        if (decision != ApplicationAccessDecision.Allowed)
        {
            await audit.RecordAsync(new(login, SignInOutcome.ApplicationAccessDenied, $"{decision}:{clientId}", client, subject, name), context.RequestAborted);
            return Results.Redirect(string.Format(CultureInfo.InvariantCulture, o.AccessDeniedPath, Uri.EscapeDataString(clientId)));
        }

        var sessionId = user.FindFirst(PortalClaimTypes.SessionId)?.Value;
        if (sessionId is not null && subject is not null)
        {
            await RememberSessionApplicationAsync(oidc, sessionId, subject, clientId, time, context.RequestAborted);
        }

        await audit.RecordAsync(new(login, SignInOutcome.ApplicationSignIn, clientId, client, subject, name), context.RequestAborted);
        var principal = OidcPrincipalBuilder.FromSession(user, request.GetScopes(), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool MaxAgeExceeded(OpenIddictRequest request, AuthenticateResult session, TimeProvider time) =>
        request.MaxAge is { } maxAge && session.Properties?.IssuedUtc is { } issued
        && time.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge);

    private static async Task RememberSessionApplicationAsync(IOidcDbContext db, string sessionId, string subject, string clientId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.OidcSessionApplications.AnyAsync(s => s.SessionId == sessionId && s.ClientId == clientId, cancellationToken))
        {
            return;
        }

        db.OidcSessionApplications.Add(new OidcSessionApplication { SessionId = sessionId, SubjectId = subject, ClientId = clientId, CreatedUtc = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs signed into the same application at once: one row is enough.
        }
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
