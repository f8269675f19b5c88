using GatewayPortal.Identity.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GatewayPortal.Identity.Oidc.Endpoints;

public static partial class OidcEndpoints
{
    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        // Personal data: no browser, proxy or application cache may keep it (OIDC Core §5.3.2 via RFC 6749 §5.1).
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(properties: null, [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme]);
        }

        // The access token carries exactly the claims its scopes release.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject) ?? "",
        };
        foreach (var type in new[] { PortalClaimTypes.Name, PortalClaimTypes.PreferredUsername, PortalClaimTypes.Email, PortalClaimTypes.Department, PortalClaimTypes.Title, PortalClaimTypes.Grade, PortalClaimTypes.EmployeeNumber, PortalClaimTypes.Phone })
        {
            if (principal.GetClaim(type) is { } value)
            {
                claims[type] = value;
            }
        }

        if (principal.HasScope(OidcScopes.Groups))
        {
            claims[PortalClaimTypes.Group] = principal.GetClaims(PortalClaimTypes.Group).ToArray();
        }

        return Results.Json(claims);
    }
}
