using System.Security.Claims;
using GatewayPortal.Identity.Audit;
using GatewayPortal.Identity.SignIn;
using GatewayPortal.Portal.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace GatewayPortal.Portal.Endpoints;

/// <summary>Sign-out and the language switch: POST-only, antiforgery-checked, local redirects only.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps POST /authentication/logout and POST /culture.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/authentication/logout", LogoutAsync).WithName("Logout");
        endpoints.MapPost("/culture", SetCulture).WithName("SetCulture");
        return endpoints;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, ISignInAuditLog audit, [FromForm] string? returnUrl)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
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
        var target = LocalUrl.IsLocal(returnUrl) ? returnUrl! : PortalAuthenticationDefaults.LoginPath + "?signedOut=true";
        return TypedResults.LocalRedirect(target);
    }

    private static IResult SetCulture(HttpContext context, [FromForm] string? culture, [FromForm] string? returnUrl)
    {
        if (culture is null || !PortalLocalizationServiceCollectionExtensions.SupportedCultures.Contains(culture, StringComparer.Ordinal))
        {
            return TypedResults.BadRequest();
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
        return TypedResults.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
    }
}
