using System.Globalization;
using System.Security.Claims;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Opening an application from the launcher, and pinning favourites.</summary>
public static class LauncherEndpoints
{
    /// <summary>Maps GET /launch/{clientId} and POST /launcher/pin.</summary>
    public static IEndpointRouteBuilder MapLauncherEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/launch/{clientId}", LaunchAsync).RequireAuthorization();
        endpoints.MapPost("/launcher/pin", PinAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> LaunchAsync(string clientId, HttpContext context, IApplicationsDbContext applications, ILauncherService launcher)
    {
        var app = await applications.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, context.RequestAborted);
        var groups = context.User.FindAll(PortalClaimTypes.Group).Select(c => c.Value).ToList();
        if (app is null || ApplicationAccessPolicy.Evaluate(app, groups) != ApplicationAccessDecision.Allowed || string.IsNullOrEmpty(app.LaunchUrl))
        {
            return TypedResults.Redirect($"/apps/{Uri.EscapeDataString(clientId)}/denied");
        }

        // "Recently used" is what people click here; the application then signs them in silently through SSO.
        await launcher.RecordLaunchAsync(context.User.FindFirstValue(PortalClaimTypes.Subject) ?? "", app.Id, context.RequestAborted);
        return TypedResults.Redirect(app.LaunchUrl);
    }

    private static async Task<IResult> PinAsync(HttpContext context, IAntiforgery antiforgery, ILauncherService launcher)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!int.TryParse(form["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return TypedResults.BadRequest();
        }

        await launcher.TogglePinAsync(context.User.FindFirstValue(PortalClaimTypes.Subject) ?? "", id, context.RequestAborted);
        return TypedResults.LocalRedirect("/#favorites");
    }
}
