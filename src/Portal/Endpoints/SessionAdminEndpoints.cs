using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Logout;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Antiforgery;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Paths of the session administration.</summary>
public static class SessionAdminPaths
{
    /// <summary>The list of running sessions.</summary>
    public const string List = "/admin/sessions";

    /// <summary>POST target that ends one session (form field <c>sid</c>).</summary>
    public const string End = "/admin/sessions/end";
}

/// <summary>An administrator ending someone's SSO session.</summary>
public static class SessionAdminEndpoints
{
    /// <summary>Maps POST /admin/sessions/end.</summary>
    public static IEndpointRouteBuilder MapSessionAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SessionAdminPaths.End, EndAsync)
            .RequireAuthorization(PortalAuthenticationDefaults.AdministratorPolicy)
            .WithName("EndSession");
        return endpoints;
    }

    private static async Task<IResult> EndAsync(HttpContext context, ISessionRegistry registry, ISignInAuditLog audit, IAdminAuditTrail trail, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var sid = (await context.Request.ReadFormAsync(context.RequestAborted))["sid"].ToString();
        var session = sid.Length is > 0 and <= 64 ? await registry.FindAsync(sid, context.RequestAborted) : null;
        if (session is null || session.EndedUtc is not null)
        {
            return TypedResults.LocalRedirect(SessionAdminPaths.List + "?notfound=true");
        }

        var administrator = context.User.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "";
        await context.EndPortalSessionAsync(session, endedBy: administrator);

        // Written right after the session ended (the registry saves on its own context): ending it twice is refused above.
        await trail.RecordAsync(new(
            AdminAuditActions.SessionEnd,
            AdminAuditTargets.Session,
            session.SessionId,
            string.IsNullOrEmpty(session.DisplayName) ? session.Login : $"{session.Login} ({session.DisplayName})",
            Before: new { session.Login, session.SubjectId, session.DisplayName, session.IpAddress, Started = session.CreatedUtc, Ended = (DateTime?)null },
            After: new { Ended = true, EndedBy = administrator },
            Summary: "Session ended by an administrator"), context.RequestAborted);
        await audit.RecordAsync(new(
            session.Login,
            SignInOutcome.SignedOut,
            "Administrator:" + administrator,
            ClientInfo.From(context),
            session.SubjectId,
            session.DisplayName), context.RequestAborted);
        return TypedResults.LocalRedirect(SessionAdminPaths.List + "?ended=true");
    }
}
