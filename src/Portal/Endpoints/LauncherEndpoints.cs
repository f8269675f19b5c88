using System.Globalization;
using System.Security.Claims;
using GatewayPortal.Identity.Applications;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Home;
using GatewayPortal.Portal.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Opening an application from the launcher, and pinning favourites.</summary>
public static class LauncherEndpoints
{
    /// <summary>Where a pin returns when the form names no (local) page: the catalogue's favourites.</summary>
    public const string DefaultPinReturn = "/apps#favorites";

    /// <summary>
    /// Maps GET /launch/{clientId} (optionally <c>?target=</c> a page of the application), POST /launcher/pin and
    /// POST /launcher/window (open systems in a new tab or in this one).
    /// </summary>
    public static IEndpointRouteBuilder MapLauncherEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/launch/{clientId}", LaunchAsync).RequireAuthorization();
        endpoints.MapPost("/launcher/pin", PinAsync).RequireAuthorization();
        endpoints.MapPost(LaunchWindow.Path, SetWindowAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> SetWindowAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var choice = form["newTab"].ToString();
        if (choice is not ("true" or "false"))
        {
            context.Features.Set(new StatusPageMessage("BadRequestTitle", "LaunchWindowChoiceInvalid"));
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }

        LaunchWindow.Remember(context, choice == "true");
        var returnUrl = form["returnUrl"].ToString();
        return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) && returnUrl[0] == '/' ? returnUrl : "/apps");
    }

    private static async Task<IResult> LaunchAsync(
        string clientId, string? target, HttpContext context, IApplicationsDbContext applications, ILauncherService launcher, TimeProvider time)
    {
        var app = await applications.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, context.RequestAborted);
        var groups = context.User.FindAll(PortalClaimTypes.Group).Select(c => c.Value).ToList();
        if (app is null || ApplicationAccessPolicy.Evaluate(app, groups, time.GetUtcNow()) != ApplicationAccessDecision.Allowed || string.IsNullOrEmpty(app.LaunchUrl))
        {
            return TypedResults.Redirect($"/apps/{Uri.EscapeDataString(clientId)}/denied");
        }

        // A counter's link opens a page inside the application; it may never lead off the application's own origin.
        if (target is not null && !LaunchTarget.IsSameOrigin(target, app.LaunchUrl))
        {
            context.Features.Set(new StatusPageMessage("BadRequestTitle", "HomeLaunchTargetInvalid"));
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }

        // "Recently used" is what people click here; the application then signs them in silently through SSO.
        await launcher.RecordLaunchAsync(context.User.FindFirstValue(PortalClaimTypes.Subject) ?? "", app.Id, context.RequestAborted);
        return TypedResults.Redirect(target ?? app.LaunchUrl);
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

        // Back to the page the star was pressed on (the home or the catalogue with its filter); only local pages.
        var returnUrl = form["returnUrl"].ToString();
        return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) && returnUrl[0] == '/' ? returnUrl : DefaultPinReturn);
    }
}
