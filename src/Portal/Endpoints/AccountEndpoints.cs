using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.Oidc.Logout;
using GatewayPortal.Identity.Sessions;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Http;
using GatewayPortal.Portal.Localization;
using GatewayPortal.Portal.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Sign-out and the language switch: POST-only, antiforgery-checked, local redirects only.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps POST /authentication/logout and POST /culture.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/authentication/logout", LogoutAsync).WithName("Logout");
        endpoints.MapPost("/culture", SetCultureAsync).WithName("SetCulture");
        return endpoints;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, ISignInAuditLog audit, IAntiforgery antiforgery, FrontChannelLogoutFrames frames)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var returnUrl = (await context.Request.ReadFormAsync(context.RequestAborted))["returnUrl"].ToString();
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (signedIn)
        {
            var client = ClientInfo.From(context);
            await audit.RecordAsync(new(
                user.FindFirstValue(PortalClaimTypes.PreferredUsername) ?? "",
                SignInOutcome.SignedOut,
                "User",
                client,
                user.FindFirstValue(PortalClaimTypes.Subject),
                user.FindFirstValue(PortalClaimTypes.Name)), context.RequestAborted);
        }

        await context.SignOutAsync(PortalAuthenticationDefaults.SessionScheme);
        await context.SignOutAsync(PortalAuthenticationDefaults.SecondFactorScheme);
        // Single sign-out: every application this session opened is told (back-channel logout),
        // and the next page loads the front-channel logout URLs in frames.
        var frontChannel = signedIn ? await context.EndPortalSessionAsync(user, SessionEndReason.SignedOut) : [];

        var target = frontChannel.Count > 0
            ? $"{PortalAuthenticationDefaults.LoginPath}?signedOut=true&fc={Uri.EscapeDataString(frames.Protect(frontChannel))}"
            : LocalUrl.IsLocal(returnUrl) ? returnUrl : PortalAuthenticationDefaults.LoginPath + "?signedOut=true";
        return TypedResults.LocalRedirect(target);
    }

    private static async Task<IResult> SetCultureAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var culture = form["culture"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (culture.Length == 0 || !PortalCultures.Supported.Contains(culture, StringComparer.Ordinal))
        {
            return TypedResults.BadRequest();
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
        return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/");
    }
}
